import { databasesUnderTest } from '../support/test-databases';
import { GATEWAY_ERRORS } from './fixtures/faceauth-errors.fixture';
import { buildRecord } from './fixtures/faceauth-records.fixture';
import { buildFaceAuthWebhookV1, buildFaceAuthWebhookV3 } from './fixtures/faceauth-webhook.fixture';
import { buildTokenExpiredCount, TokenService } from './fixtures/token-expired.fixture';
import { MintedLink } from './support/journey.driver';
import { isoAt, useVendorJourney } from './support/vendor-journey';

// Real dependencies: the whole API (Fastify, guards, TypeORM on SQLite and PostgreSQL, the webhook inbox,
// the cleanup machinery) and a real HTTP server answering like Argos with the vendor's published shapes,
// whose records carry no person and no token (ARGOS-CONTRACT.md §7). Only the person we sent (the link)
// and the webhook's unsigned echo can say who a result belongs to.

describe.each(databasesUnderTest())('identity journey on the vendor shapes (%s)', (kind) => {
  const journey = useVendorJourney(kind);

  interface Person {
    sid: string;
    authId: string;
    user: string;
    email: string;
    link: MintedLink;
  }

  /** Mints a link for a person, has Argos hold their record, and delivers the v3 webhook of their attempt. */
  async function authenticateThroughLink(
    tag: string,
    user = `user-${tag}`,
    email = `${tag}@example.com`,
  ): Promise<Person> {
    const person = { sid: `sid-${tag}`, authId: `auth-${tag}`, user, email };
    const link = await journey.drive.mintLink({
      sid: person.sid,
      authUserId: person.user,
      authCf1: person.email,
    });
    const createTime = isoAt(-1_000);
    journey.argos.putRecord(buildRecord({ authId: person.authId, submissionId: person.sid, createTime }));
    await journey.drive.deliver(
      buildFaceAuthWebhookV3({
        authId: person.authId,
        submissionId: person.sid,
        status: 'approved',
        createTime,
        userId: person.user,
        cf1: person.email,
        tokenId: link.token,
      }),
    );
    return { ...person, link };
  }

  const authIdsOf = (reply: { body: any }): string[] =>
    (reply.body?.items ?? []).map((item: { authId: string }) => item.authId);

  describe('a-c: one person, a link, the v3 webhook, a refresh, then "forget this user"', () => {
    let x: Person;

    beforeAll(async () => {
      x = await authenticateThroughLink('x', 'user-42', 'a@example.com');
    });

    it("a. the stored result carries the link's person, token and link", async () => {
      const reply = await journey.drive.result(x.authId);

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        authId: x.authId,
        status: 'approved',
        submissionId: x.sid,
        scores: { faceSimilarity: 100 },
        authUserId: 'user-42',
        cf1: 'a@example.com',
        tokenId: x.link.token,
        linkId: x.link.id,
        identitySource: 'link',
      });
    });

    it('a. GET /v1/results?authUserId=user-42 lists it', async () => {
      const reply = await journey.drive.admin('GET', '/v1/results?authUserId=user-42');

      expect(reply.status).toBe(200);
      expect(authIdsOf(reply)).toEqual([x.authId]);
    });

    it('a. GET /v1/results?linkId=<link> lists it', async () => {
      const reply = await journey.drive.admin('GET', `/v1/results?linkId=${x.link.id}`);

      expect(reply.status).toBe(200);
      expect(authIdsOf(reply)).toEqual([x.authId]);
    });

    it('a. the link is used, once', async () => {
      const reply = await journey.drive.link(x.link.id);

      expect(reply.body).toMatchObject({ status: 'used', useCount: 1 });
    });

    it('b. a refresh from Argos (whose record has no person) keeps the person, token and link', async () => {
      const before = journey.argos.requests.length;
      const reply = await journey.drive.admin('GET', `/v1/results/${x.authId}?refresh=true`);

      expect(journey.argos.requests.length).toBeGreaterThan(before); // the refresh did ask Argos
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        authUserId: 'user-42',
        cf1: 'a@example.com',
        tokenId: x.link.token,
        linkId: x.link.id,
      });
    });

    it('c. forgetting user-42 deletes the result at Argos once and purges it here', async () => {
      const reply = await journey.drive.forget('user-42');

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ complete: true });
      expect(journey.argos.deletes.filter((authId) => authId === x.authId)).toHaveLength(1);

      const after = await journey.drive.admin('GET', `/v1/results/${x.authId}`);
      expect(after.body.purgedAt).toEqual(expect.any(String));
      expect(after.body.argosDeletedAt).toEqual(expect.any(String));
    });
  });

  describe('d. what "forget this user" cannot delete is reported', () => {
    const remainingOf = (authId: string, reason: string) =>
      expect.arrayContaining([expect.objectContaining({ authId, reason })]);

    it("Argos refuses the DELETE (403 explicit deny): complete false, reason 'argos_refused'", async () => {
      const person = await authenticateThroughLink('refused');
      journey.argos.failNext('DELETE /faceauth', 5, GATEWAY_ERRORS.explicitDeny);
      const reply = await journey.drive.forget(person.user);

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        complete: false,
        remaining: remainingOf(person.authId, 'argos_refused'),
      });
    });

    it("Argos answers 500 until the retries give up: complete false, reason 'argos_unreachable'", async () => {
      const person = await authenticateThroughLink('unreachable');
      journey.argos.failNext('DELETE /faceauth', 10, GATEWAY_ERRORS.internal);
      const reply = await journey.drive.forget(person.user);

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        complete: false,
        remaining: remainingOf(person.authId, 'argos_unreachable'),
      });
    });

    it("a result under legal hold is kept: reason 'held', and no DELETE reaches Argos", async () => {
      const person = await authenticateThroughLink('held');
      const hold = await journey.drive.admin('PUT', `/v1/results/${person.authId}/legal-hold`);
      expect(hold).toMatchObject({ status: 200, body: { legalHold: true } });
      const reply = await journey.drive.forget(person.user);

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ remaining: remainingOf(person.authId, 'held') });
      expect(journey.argos.deletes).not.toContain(person.authId);
    });
  });

  it("e. a v1 webhook (no token): the person comes from the webhook, identitySource 'webhook', no link", async () => {
    const createTime = isoAt(-1_000);
    journey.argos.putRecord(buildRecord({ authId: 'auth-e', submissionId: 'sid-e', createTime }));
    await journey.drive.deliver(
      buildFaceAuthWebhookV1({
        authId: 'auth-e',
        submissionId: 'sid-e',
        status: 'approved',
        createTime,
        userId: 'user-e',
        cf1: 'e@example.com',
      }),
    );
    const reply = await journey.drive.result('auth-e');

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      submissionId: 'sid-e',
      authUserId: 'user-e',
      cf1: 'e@example.com',
      identitySource: 'webhook',
      linkId: null,
    });
  });

  it("f. a v3 webhook naming another sid's link: no link, not that link's person, the link untouched", async () => {
    const other = await journey.drive.mintLink({
      sid: 'sid-f-link',
      authUserId: 'user-f-link',
      authCf1: 'f-link@example.com',
    });
    const createTime = isoAt(-1_000);
    journey.argos.putRecord(buildRecord({ authId: 'auth-f', submissionId: 'sid-f', createTime }));
    await journey.drive.deliver(
      buildFaceAuthWebhookV3({
        authId: 'auth-f',
        submissionId: 'sid-f',
        status: 'approved',
        createTime,
        userId: 'user-f',
        tokenId: other.token,
      }),
    );
    const reply = await journey.drive.result('auth-f');

    expect(reply.status).toBe(200);
    expect(reply.body).toHaveProperty('linkId', null);
    expect(reply.body.authUserId).not.toBe('user-f-link');
    expect(reply.body.cf1).not.toBe('f-link@example.com');
    expect((await journey.drive.link(other.id)).body).toMatchObject({ status: 'active', useCount: 0 });
  });

  describe('g. token_expired: only the FaceAuth pipeline, in either order', () => {
    const expire = (link: MintedLink, service: TokenService | null, at = isoAt(-500)) =>
      journey.drive.deliver(buildTokenExpiredCount({ tokenId: link.token, at, service }));

    it("service 'idCheck' leaves the FaceAuth link active", async () => {
      const link = await journey.drive.mintLink({ sid: 'sid-g-idcheck', authUserId: 'user-g' });
      await expire(link, 'idCheck');

      expect((await journey.drive.link(link.id)).body).toMatchObject({ status: 'active', useCount: 0 });
    });

    it.each<[string, TokenService | null]>([
      ["service 'faceAuth'", 'faceAuth'],
      ['no service', null],
    ])('%s expires the link', async (_case, service) => {
      const link = await journey.drive.mintLink({ sid: `sid-g-${service ?? 'none'}`, authUserId: 'user-g' });
      await expire(link, service);

      expect((await journey.drive.link(link.id)).body).toMatchObject({ status: 'expired', useCount: 0 });
    });

    it.each([
      ['token_expired, then faceAuth', true],
      ['faceAuth, then token_expired', false],
    ])('%s: the link ends used once', async (_case, expiryFirst) => {
      const tag = expiryFirst ? 'g-expiry-first' : 'g-result-first';
      const link = await journey.drive.mintLink({ sid: `sid-${tag}`, authUserId: `user-${tag}` });
      // Argos expires a count token at its use; its expiry instant follows the attempt's create_time.
      const createTime = isoAt(-2_000);
      const expiredAt = new Date(Date.parse(createTime) + 200).toISOString();
      journey.argos.putRecord(buildRecord({ authId: `auth-${tag}`, submissionId: `sid-${tag}`, createTime }));
      const result = buildFaceAuthWebhookV3({
        authId: `auth-${tag}`,
        submissionId: `sid-${tag}`,
        status: 'approved',
        createTime,
        userId: `user-${tag}`,
        tokenId: link.token,
      });
      if (expiryFirst) {
        await expire(link, 'faceAuth', expiredAt);
        await journey.drive.deliver(result);
      } else {
        await journey.drive.deliver(result);
        await expire(link, 'faceAuth', expiredAt);
      }

      expect((await journey.drive.link(link.id)).body).toMatchObject({ status: 'used', useCount: 1 });
    });
  });
});
