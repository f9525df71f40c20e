import { ManualClock } from '@faceauth/core';
import { CleanupScheduler } from '@faceauth/retention';
import { SandboxHandle } from '@faceauth/argos-sandbox';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';
import {
  ADMIN,
  DAY,
  deleteCalls,
  deletedAtSandbox,
  retentionEnv,
  seedResult,
  startSandbox,
} from './retention.fixtures';

const HOUR = 3600_000;
const DELETE_OP = 'DELETE /v3/faceauth';

/**
 * Issue 8, acceptance 4: while the sandbox answers deletions with 500/502, the cleanup retries with
 * backoff and completes after the sandbox recovers; past the retry period a deletion is reported as
 * failed (overdue report, audit, log), never dropped, and an operator can retry it.
 */
describe.each(databasesUnderTest())('retention cleanup against a failing Argos on %s', (kind) => {
  let sandbox: SandboxHandle;
  let api: ApiHarness;
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  const now = () => clock.now().getTime();
  const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
    api.app.inject({ method, url, headers: ADMIN, ...(payload ? { payload } : {}) });
  const tick = () => api.app.get(CleanupScheduler).tick();
  const overdue = async () => (await inject('GET', '/v1/cleanup/overdue')).json();

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startApi(kind, {
      env: retentionEnv(sandbox, {
        // Two HTTP attempts per call (the client's own retry), no breaker trips: every refusal reaches our backoff.
        ARGOS_MAX_ATTEMPTS: '2',
        ARGOS_BREAKER_FAILURES: '1000',
        // One deletion at a time, so that armed faults hit the deletions in a known order.
        CLEANUP_ARGOS_CONCURRENCY: '1',
        CLEANUP_RETRY_BASE_SECONDS: '60',
        CLEANUP_RETRY_MAX_SECONDS: String(6 * 3600),
        CLEANUP_RETRY_PERIOD_HOURS: '72',
      }),
      clock,
    });
  });
  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });
  afterEach(() => sandbox.controls.faults.reset());

  it('retries refused deletions with growing delays and completes once Argos recovers', async () => {
    const rows = [];
    for (let i = 0; i < 3; i++) rows.push(await seedResult(api.app, sandbox, now() - 31 * DAY - i));
    sandbox.controls.faults.arm('500', 4, 0, DELETE_OP);
    sandbox.controls.faults.arm('502', 2, 0, DELETE_OP);

    await tick();
    let report = await overdue();
    expect(report).toMatchObject({ results: 3, failed: 0 });
    for (const item of report.items) {
      expect(item.attempts).toBe(1);
      expect(['ARGOS_SERVER_ERROR', 'ARGOS_BAD_GATEWAY']).toContain(item.lastError);
      const delay = Date.parse(item.nextAttemptAt) - now();
      expect(delay).toBeGreaterThanOrEqual(30_000);
      expect(delay).toBeLessThanOrEqual(60_000);
    }
    for (const r of rows) expect(deleteCalls(sandbox, r.authId).ok).toBe(0);

    // Backing off: a tick now sends nothing.
    const before = sandbox.controls.stats.snapshot().calls[DELETE_OP];
    await tick();
    expect(sandbox.controls.stats.snapshot().calls[DELETE_OP]).toBe(before);

    // Still failing for the first one tried: its second delay is longer.
    clock.advance(61_000);
    sandbox.controls.faults.arm('500', 2, 0, DELETE_OP);
    await tick();
    report = await overdue();
    expect(report.results).toBe(1);
    expect(report.items[0].attempts).toBe(2);
    expect(Date.parse(report.items[0].nextAttemptAt) - now()).toBeGreaterThanOrEqual(60_000);

    // Recovery.
    clock.advance(121_000);
    await tick();
    expect(await overdue()).toMatchObject({ results: 0, failed: 0 });
    for (const r of rows) {
      expect(deleteCalls(sandbox, r.authId).ok).toBe(1);
      expect(deletedAtSandbox(sandbox, r.authId)).toBe(true);
    }
    const runs = (await inject('GET', '/v1/cleanup/runs')).json().items;
    expect(runs.map((r: { outcome: string }) => r.outcome).sort()).toEqual([
      'completed',
      'partial',
      'partial',
    ]);
  });

  it('reports a deletion Argos refuses for the whole retry period as failed, keeps it overdue, and lets an operator retry it', async () => {
    const row = await seedResult(api.app, sandbox, now() - 31 * DAY);
    sandbox.controls.faults.arm('500', 100_000, 0, DELETE_OP);
    const started = now();
    await tick();
    while (now() - started < 72 * HOUR) {
      clock.advance(6 * HOUR);
      await tick();
    }
    const report = await overdue();
    expect(report).toMatchObject({ results: 1, failed: 1 });
    expect(report.items[0]).toMatchObject({
      authId: row.authId,
      lastError: 'ARGOS_SERVER_ERROR',
      argosDeleted: false,
      purged: false,
    });
    expect(Date.parse(report.items[0].failedAt)).toBe(started + 72 * HOUR);
    const audit = (await inject('GET', `/v1/cleanup/audit?authId=${row.authId}`)).json().items;
    expect(audit).toMatchObject([
      { action: 'argos_delete', outcome: 'failed', errorCode: 'ARGOS_SERVER_ERROR' },
    ]);
    expect(audit[0].attempts).toBeGreaterThan(10);
    expect(api.logs.some((line) => line.includes(row.authId) && line.includes('given up'))).toBe(true);
    const runs = (await inject('GET', '/v1/cleanup/runs?limit=1')).json().items;
    expect(runs[0].counts.failed).toBe(1);

    // Not retried by the schedule any more (reported, waiting for an operator) ...
    const calls = deleteCalls(sandbox, row.authId).calls;
    clock.advance(6 * HOUR);
    await tick();
    expect(deleteCalls(sandbox, row.authId).calls).toBe(calls);

    // ... who retries it once Argos is fixed.
    sandbox.controls.faults.reset();
    const retried = (await inject('POST', '/v1/cleanup/run', { retryFailed: true })).json();
    expect(retried).toMatchObject({
      outcome: 'completed',
      overdue: 0,
      counts: { argosDeleted: 1, purged: 1 },
    });
    expect(
      (await inject('GET', `/v1/cleanup/audit?authId=${row.authId}&action=argos_delete`)).json().items,
    ).toMatchObject([{ outcome: 'deleted', errorCode: null }]);
    expect(await overdue()).toMatchObject({ results: 0, failed: 0 });
  });
});
