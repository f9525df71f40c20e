import { databasesUnderTest } from '../support/test-databases';
import { buildRecord } from './fixtures/faceauth-records.fixture';
import { buildFaceAuthWebhookV2, buildFaceAuthWebhookV3 } from './fixtures/faceauth-webhook.fixture';
import { MintedLink } from './support/journey.driver';
import { isoAt, useVendorJourney } from './support/vendor-journey';

/**
 * A link's outcome decided from what Argos really sends and answers: the published webhook bodies (v2, v3)
 * and the published `GET /faceauth` record (0-100 scores, no person, no token), verified by fetch. The
 * issue's scenario included: a one-use link approved once, then its URL replayed: the second approved result
 * is stored with `policyViolation: "used"` and the outcome keeps the first.
 */
describe.each(databasesUnderTest())('link outcomes on the vendor shapes (%s)', (kind) => {
  const journey = useVendorJourney(kind);

  /** Argos holds the record (`recordStatus`) and sends the v3 webhook (`webhookStatus`) of an attempt. */
  async function attempt(
    link: MintedLink,
    sid: string,
    authId: string,
    recordStatus: 'approved' | 'rejected',
    webhookStatus = recordStatus,
  ): Promise<void> {
    const createTime = isoAt(-1_000);
    journey.argos.putRecord(buildRecord({ authId, submissionId: sid, createTime, status: recordStatus }));
    await journey.drive.deliver(
      buildFaceAuthWebhookV3({
        authId,
        submissionId: sid,
        status: webhookStatus,
        createTime,
        tokenId: link.token,
      }),
    );
    expect((await journey.drive.result(authId)).status).toBe(200);
  }

  it('approves a one-use link once; its replayed URL is stored as a policy violation and changes nothing', async () => {
    const link = await journey.drive.mintLink({ sid: 'sid-o1', authUserId: 'user-o1' });
    await attempt(link, 'sid-o1', 'auth-o1-first', 'approved');
    const decided = (await journey.drive.link(link.id)).body;
    expect(decided).toMatchObject({
      status: 'used',
      outcome: { status: 'approved', authId: 'auth-o1-first', reason: null },
    });

    await attempt(link, 'sid-o1', 'auth-o1-replay', 'approved');
    expect((await journey.drive.result('auth-o1-replay')).body).toMatchObject({
      status: 'approved',
      linkId: link.id,
      policyViolation: 'used',
    });
    expect((await journey.drive.link(link.id)).body.outcome).toEqual(decided.outcome);
  });

  it("trusts Argos's record over the webhook's word: a webhook saying approved for a rejected record rejects", async () => {
    const link = await journey.drive.mintLink({ sid: 'sid-o2' });
    await attempt(link, 'sid-o2', 'auth-o2', 'rejected', 'approved');
    expect((await journey.drive.result('auth-o2')).body).toMatchObject({
      status: 'rejected',
      policyViolation: null,
    });
    expect((await journey.drive.link(link.id)).body.outcome).toMatchObject({
      status: 'rejected',
      authId: 'auth-o2',
      reason: 'result_rejected',
    });
  });

  it('leaves the link pending on a v2 webhook, which carries no token to tie the result to it', async () => {
    const link = await journey.drive.mintLink({ sid: 'sid-o3', authUserId: 'user-o3' });
    const createTime = isoAt(-1_000);
    journey.argos.putRecord(buildRecord({ authId: 'auth-o3', submissionId: 'sid-o3', createTime }));
    await journey.drive.deliver(
      buildFaceAuthWebhookV2({
        authId: 'auth-o3',
        submissionId: 'sid-o3',
        status: 'approved',
        createTime,
        userId: 'user-o3',
      }),
    );
    expect((await journey.drive.result('auth-o3')).body).toMatchObject({
      linkId: null,
      policyViolation: null,
    });
    expect((await journey.drive.link(link.id)).body).toMatchObject({
      status: 'active',
      outcome: { status: 'pending' },
    });
  });
});
