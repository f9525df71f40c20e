import { ManualClock } from '@faceauth/core';
import { ResultRepository } from '@faceauth/results';
import { CleanupScheduler } from '@faceauth/retention';
import { SandboxHandle, SEEDED_SUBMISSIONS } from '@faceauth/argos-sandbox';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';
import {
  ADMIN,
  DAY,
  deleteCalls,
  deletedAtSandbox,
  faceAuthMultipart,
  retentionEnv,
  seedResult,
  startSandbox,
} from './retention.fixtures';

/**
 * Issue 8, acceptance 1: with a fake clock, results past their retention are deleted at the (real, HTTP)
 * sandbox and purged locally within one tick; legal holds and results not yet due are untouched; the
 * overdue figure is 0 afterwards. Also: links and inbox rows past retention, dry runs, "forget this user".
 */
describe.each(databasesUnderTest())('retention schedule on %s', (kind) => {
  let sandbox: SandboxHandle;
  let api: ApiHarness;
  const T = Date.now() + 31 * DAY;
  const clock = new ManualClock(T);
  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    api.app.inject({ method, url, headers: ADMIN, ...(payload ? { payload } : {}) });
  const tick = () => api.app.get(CleanupScheduler).tick();

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startApi(kind, { env: retentionEnv(sandbox), clock });
  });
  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  it('deletes due results at Argos and here in one tick, and leaves held and young ones alone', async () => {
    // Two real submissions through the API (selfies uploaded to the sandbox): created now, 31 days before T.
    const submitted: string[] = [];
    for (const [id, type] of [
      [SEEDED_SUBMISSIONS.approved, 'image/jpeg'],
      [SEEDED_SUBMISSIONS.approvedPng, 'image/png'],
    ] as const) {
      const form = faceAuthMultipart(
        { submissionId: id, userId: `submitted-${id}`, cf1: 'submitter@example.com' },
        sandbox.controls.submissions.find(id)!.selfie!,
        type,
      );
      const res = await api.app.inject({
        method: 'POST',
        url: '/v1/faceauth',
        headers: { ...ADMIN, ...form.headers },
        payload: form.payload,
      });
      expect(res.statusCode).toBe(201);
      submitted.push(res.json().authId);
    }
    const justDue = await seedResult(api.app, sandbox, T - 30 * DAY - 1);
    const old = await seedResult(api.app, sandbox, T - 400 * DAY);
    const young = await seedResult(api.app, sandbox, T - 30 * DAY + 60_000);
    const held = await seedResult(api.app, sandbox, T - 90 * DAY);
    expect((await inject('PUT', `/v1/results/${held.authId}/legal-hold`)).json()).toMatchObject({
      legalHold: true,
      deleted: false,
    });
    const refused = await inject('DELETE', `/v1/results/${held.authId}`);
    expect({ status: refused.statusCode, code: refused.json().code }).toEqual({
      status: 409,
      code: 'RESULT_UNDER_LEGAL_HOLD',
    });

    // A revoked link and a processed webhook, both 40 days old: past their own retention too.
    clock.set(T - 40 * DAY);
    const link = (
      await inject('POST', '/v1/links', { sid: SEEDED_SUBMISSIONS.approved, authUserId: 'link-user' })
    ).json();
    await inject('DELETE', `/v1/links/${link.id}`);
    clock.set(T);

    const due = [...submitted, justDue.authId, old.authId];
    const overdueBefore = (await inject('GET', '/v1/cleanup/overdue')).json();
    expect(overdueBefore).toMatchObject({ results: 4, failed: 0, tokens: 1 });
    expect(overdueBefore.items.map((i: { authId: string }) => i.authId).sort()).toEqual([...due].sort());

    const dry = (await inject('POST', '/v1/cleanup/run', { dryRun: true })).json();
    expect(dry).toMatchObject({
      dryRun: true,
      outcome: 'completed',
      counts: { due: 4, held: 1, tokensDeleted: 1, argosDeleted: 0 },
    });
    expect(sandbox.controls.stats.snapshot().calls['DELETE /v3/faceauth'] ?? 0).toBe(0);

    await tick();

    for (const authId of due) {
      expect({ authId, ...deleteCalls(sandbox, authId) }).toEqual({ authId, calls: 1, ok: 1 });
      expect(deletedAtSandbox(sandbox, authId)).toBe(true);
      const row = (await inject('GET', `/v1/results/${authId}`)).json();
      expect(row).toMatchObject({
        authUserId: null,
        cf1: null,
        submissionId: null,
        scores: null,
        tokenId: null,
      });
      expect(row.purgedAt).not.toBeNull();
      expect(row.argosDeletedAt).not.toBeNull();
      const audit = (await inject('GET', `/v1/cleanup/audit?authId=${authId}`)).json().items;
      expect(
        audit
          .map(
            (a: { action: string; outcome: string; reason: string }) =>
              `${a.action}:${a.outcome}:${a.reason}`,
          )
          .sort(),
      ).toEqual(['argos_delete:deleted:retention', 'local_purge:done:retention']);
    }
    for (const untouched of [young, held]) {
      expect(deleteCalls(sandbox, untouched.authId).calls).toBe(0);
      expect((await inject('GET', `/v1/results/${untouched.authId}`)).json()).toMatchObject({
        authUserId: untouched.userId,
        cf1: untouched.cf1,
        purgedAt: null,
        argosDeletedAt: null,
      });
    }
    expect((await inject('GET', `/v1/links/${link.id}`)).statusCode).toBe(404);
    expect((await inject('GET', '/v1/cleanup/overdue')).json()).toMatchObject({
      results: 0,
      failed: 0,
      tokens: 0,
      inboxRows: 0,
      items: [],
    });

    // Both runs started at the same (fake) instant: find them by kind.
    const runs: { dryRun: boolean }[] = (await inject('GET', '/v1/cleanup/runs')).json().items;
    expect(runs.find((r) => !r.dryRun)).toMatchObject({
      trigger: 'schedule',
      dryRun: false,
      outcome: 'completed',
      counts: {
        due: 4,
        argosDeleted: 4,
        alreadyGone: 0,
        purged: 4,
        retrying: 0,
        failed: 0,
        tokensDeleted: 1,
      },
    });
    expect(runs.filter((r) => r.dryRun)).toHaveLength(1);

    // A second tick finds nothing: no call, no recorded run.
    const calls = sandbox.controls.stats.snapshot().calls['DELETE /v3/faceauth'];
    await tick();
    expect(sandbox.controls.stats.snapshot().calls['DELETE /v3/faceauth']).toBe(calls);
    expect((await inject('GET', '/v1/cleanup/runs')).json().items).toHaveLength(2);

    // Time passes: the young result comes due; the held one only once its hold is released.
    clock.advance(2 * 60_000);
    await tick();
    expect(deleteCalls(sandbox, young.authId)).toEqual({ calls: 1, ok: 1 });
    expect(deleteCalls(sandbox, held.authId).calls).toBe(0);
    expect((await inject('DELETE', `/v1/results/${held.authId}/legal-hold`)).json()).toMatchObject({
      legalHold: false,
    });
    await tick();
    expect(deleteCalls(sandbox, held.authId)).toEqual({ calls: 1, ok: 1 });
    expect((await inject('PUT', `/v1/results/${held.authId}/legal-hold`)).json()).toMatchObject({
      code: 'RESULT_ALREADY_DELETED',
    });
    expect((await inject('GET', '/v1/cleanup/overdue')).json().results).toBe(0);
  });

  it('forgets a user now: results deleted through the same machinery, links revoked and stripped, holds kept', async () => {
    const user = `forget-${kind}-user`;
    const young = await seedResult(api.app, sandbox, clock.now().getTime() - DAY, { userId: user });
    const older = await seedResult(api.app, sandbox, clock.now().getTime() - 5 * DAY, { userId: user });
    const held = await seedResult(api.app, sandbox, clock.now().getTime() - 2 * DAY, { userId: user });
    const other = await seedResult(api.app, sandbox, clock.now().getTime() - DAY);
    await inject('PUT', `/v1/results/${held.authId}/legal-hold`);
    const link = (
      await inject('POST', '/v1/links', {
        sid: SEEDED_SUBMISSIONS.approved,
        authUserId: user,
        authCf1: 'forget@example.com',
      })
    ).json();
    // A result known only through the person's link (its own person fields unknown).
    const viaLink = await seedResult(api.app, sandbox, clock.now().getTime() - DAY, {
      userId: `nobody-${kind}`,
    });
    await api.app.get(ResultRepository).saveRecord(
      {
        authId: viaLink.authId,
        status: 'approved',
        createdAt: null,
        deleted: false,
        scores: {},
        failCodes: [],
        rejectComments: [],
      },
      'default',
      'webhook',
      clock.now(),
      { source: 'link', authUserId: null, linkId: link.id, tokenId: link.token },
    );

    const res = await inject('DELETE', `/v1/users/${user}/biometrics`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      results: 3,
      deleted: 3,
      pending: 0,
      held: 1,
      linksErased: 1,
      // The held result remains: the person is not completely forgotten yet, and the answer says why.
      complete: false,
      remaining: [{ authId: held.authId, reason: 'held', errorCode: null }],
    });
    for (const r of [young, older, viaLink]) {
      expect(deleteCalls(sandbox, r.authId)).toEqual({ calls: 1, ok: 1 });
      expect((await inject('GET', `/v1/results/${r.authId}`)).json()).toMatchObject({
        authUserId: null,
        cf1: null,
      });
      const audit = (await inject('GET', `/v1/cleanup/audit?authId=${r.authId}`)).json().items;
      expect(audit.map((a: { reason: string }) => a.reason)).toEqual(['user_request', 'user_request']);
    }
    expect(deleteCalls(sandbox, held.authId).calls).toBe(0);
    expect(deleteCalls(sandbox, other.authId).calls).toBe(0);
    const erased = (await inject('GET', `/v1/links/${link.id}`)).json();
    expect(erased).toMatchObject({ status: 'revoked', authUserId: null, sid: 'purged' });
    expect(JSON.stringify(erased)).not.toContain('forget@example.com');
    expect((await inject('GET', `/v1/cleanup/audit?authId=${link.id}`)).json().items).toMatchObject([
      { action: 'link_purge', subjectType: 'link' },
    ]);

    // Idempotent: asking again finds nothing left but the held result.
    expect((await inject('DELETE', `/v1/users/${user}/biometrics`)).json()).toMatchObject({
      results: 0,
      held: 1,
      linksErased: 0,
      complete: false,
      remaining: [{ authId: held.authId, reason: 'held' }],
    });
    await inject('DELETE', `/v1/results/${held.authId}/legal-hold`);
    expect((await inject('DELETE', `/v1/users/${user}/biometrics`)).json()).toMatchObject({
      results: 1,
      deleted: 1,
      held: 0,
      complete: true,
      remaining: [],
    });
    // Nothing identifying in the logs (the access log line carries the route, not the user id).
    expect(api.logs.join('\n')).not.toContain('forget@example.com');
  });

  it('counts a result Argos no longer knows as deleted (its DELETE answers 400, its lookup "cannot find")', async () => {
    const ghost = `fa_ghost_${kind}`;
    await api.app.get(ResultRepository).saveRecord(
      {
        authId: ghost,
        status: 'approved',
        createdAt: new Date(clock.now().getTime() - 31 * DAY),
        deleted: false,
        userId: 'ghost-user',
        scores: {},
        failCodes: [],
        rejectComments: [],
      },
      'default',
      'api',
      clock.now(),
      { source: 'submission', authUserId: 'ghost-user' },
    );
    await tick();
    expect(deleteCalls(sandbox, ghost)).toEqual({ calls: 1, ok: 0 });
    expect(
      (await inject('GET', `/v1/cleanup/audit?authId=${ghost}`))
        .json()
        .items.map((a: { outcome: string }) => a.outcome)
        .sort(),
    ).toEqual(['already_gone', 'done']);
    expect((await inject('GET', `/v1/results/${ghost}`)).json()).toMatchObject({ authUserId: null });
  });

  it('answers 400 for bad input and 404 for an unknown result', async () => {
    expect((await inject('POST', '/v1/cleanup/run', { dryRun: 'yes' })).json()).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
    });
    expect((await inject('GET', '/v1/cleanup/runs?limit=0')).statusCode).toBe(400);
    expect((await inject('GET', '/v1/cleanup/audit?action=shred')).statusCode).toBe(400);
    expect((await inject('PUT', '/v1/results/nope-404/legal-hold')).json()).toMatchObject({
      statusCode: 404,
      code: 'RESULT_NOT_FOUND',
    });
    expect((await inject('GET', '/v1/cleanup/policy')).json()).toMatchObject({
      resultRetentionDays: 30,
      retryPeriodHours: 72,
    });
  });
});
