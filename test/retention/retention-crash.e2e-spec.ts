import { DataSource } from 'typeorm';
import { FaceAuthResultEntity } from '@faceauth/results';
import {
  DEFAULT_API_KEY,
  DEFAULT_PID,
  DEFAULT_POLICY,
  SandboxHandle,
  SEEDED_SUBMISSIONS,
} from '@faceauth/argos-sandbox';
import { dataSourceOptions } from '@faceauth/service';
import { ServiceProcess, startServiceProcess } from '../support/service-process';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { DAY, deleteCalls, deletedAtSandbox, startSandbox, waitFor } from './retention.fixtures';

const RESULTS = 120;
const count = async (ds: DataSource, sql: string): Promise<number> => Number((await ds.query(sql))[0].n);

/**
 * Issue 8, acceptance 3: the built service is killed with SIGKILL in the middle of a cleanup batch (DELETEs
 * in flight at a slow sandbox), then restarted: every due result ends deleted at Argos exactly once and
 * purged, and the audit trail records each deletion once.
 */
describe.each(databasesUnderTest())('a cleanup killed mid-batch on %s', (kind) => {
  let sandbox: SandboxHandle;
  let database: TestDatabase;
  let db: DataSource;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox();
    database = await createTestDatabase(kind);
    db = new DataSource(dataSourceOptions(database.config));
    await db.initialize();
  });
  afterAll(async () => {
    await service?.kill('SIGKILL');
    await db?.destroy();
    await database?.drop();
    await sandbox?.close();
  });

  it('resumes after the restart without deleting anything twice or skipping anything', async () => {
    const createdAt = new Date(Date.now() - 40 * DAY);
    const ids: string[] = [];
    for (let i = 0; i < RESULTS; i++) {
      const record = sandbox.controls.records.add({
        pid: DEFAULT_PID,
        status: 'approved',
        createdAt,
        submitType: 'api',
        submissionId: SEEDED_SUBMISSIONS.approved,
        userId: `crash-user-${i}`,
        policy: { ...DEFAULT_POLICY },
        scores: {
          face_similarity: 0.97,
          liveness_score: 0.99,
          active_liveness_score: null,
          occluded_score: 0,
          face_cover_score: 0,
          head_cover_score: 0,
          detectOccluded: false,
          detectFaceCover: false,
          detectHeadCover: false,
        },
        failCodes: [],
        comments: [],
      });
      ids.push(record.authId);
    }
    await db.getRepository(FaceAuthResultEntity).insert(
      ids.map((authId, i) => ({
        authId,
        project: 'default',
        status: 'approved',
        submissionId: SEEDED_SUBMISSIONS.approved,
        authUserId: `crash-user-${i}`,
        cf1: `crash-${i}@example.com`,
        cf2: null,
        cf3: null,
        tokenId: null,
        submitType: 'api',
        scores: { faceSimilarity: 0.97 },
        failCodes: [],
        rejectComments: [],
        source: 'api',
        createdAt: new Date(createdAt.getTime() + i),
        updatedAt: createdAt,
        purgedAt: null,
        argosDeletedAt: null,
        legalHold: false,
      })),
    );
    // Every DELETE takes 150 ms at the sandbox: several are always in flight when the process dies.
    sandbox.controls.faults.arm('slow', 100_000, 150, 'DELETE /v3/faceauth');

    const env: Record<string, string> = {
      ...(database.config.type === 'sqlite'
        ? { SQLITE_PATH: database.config.path }
        : { DATABASE_URL: database.config.url }),
      FACEAUTH_PID: DEFAULT_PID,
      FACEAUTH_API_KEY: DEFAULT_API_KEY,
      ARGOS_API_BASE_URL: `${sandbox.url}/v3`,
      ARGOS_FORM_URL: `${sandbox.url}/face-auth`,
      RECONCILE_ENABLED: 'false',
      RETENTION_RESULT_DAYS: '30',
      CLEANUP_INTERVAL_SECONDS: '1',
      CLEANUP_BATCH_SIZE: '10',
      CLEANUP_ARGOS_CONCURRENCY: '3',
      CLEANUP_ARGOS_RATE_PER_SECOND: '20',
      CLEANUP_CLAIM_LEASE_SECONDS: '3',
      CLEANUP_LOCK_LEASE_SECONDS: '3',
    };
    const audited = () =>
      count(db, "SELECT COUNT(*) AS n FROM faceauth_cleanup_audit WHERE action = 'argos_delete'");
    const deletesReceived = () => sandbox.controls.stats.snapshot().calls['DELETE /v3/faceauth'] ?? 0;
    service = await startServiceProcess(env);
    // Batches of 10: the 56th DELETE is in the middle of the sixth batch.
    await waitFor(() => deletesReceived() >= 56, 60_000, '56 DELETEs before the kill');
    await service.kill('SIGKILL');
    const atKill = {
      audited: await audited(),
      sentNotConfirmed: await count(
        db,
        'SELECT COUNT(*) AS n FROM faceauth_results WHERE argos_delete_sent_at IS NOT NULL AND argos_deleted_at IS NULL',
      ),
      claimed: await count(
        db,
        'SELECT COUNT(*) AS n FROM faceauth_results WHERE cleanup_lease_until IS NOT NULL',
      ),
    };
    expect(atKill.audited).toBeLessThan(RESULTS);
    expect(atKill.claimed).toBeGreaterThan(0);

    service = await startServiceProcess(env);
    await waitFor(
      async () =>
        (await count(
          db,
          'SELECT COUNT(*) AS n FROM faceauth_results WHERE purged_at IS NULL OR argos_deleted_at IS NULL',
        )) === 0,
      60_000,
      'every result deleted after the restart',
    );
    await service.kill('SIGTERM');

    const audit: { subject_id: string; action: string; outcome: string }[] = await db.query(
      'SELECT subject_id, action, outcome FROM faceauth_cleanup_audit',
    );
    // One DELETE per result reached the sandbox, and the record is gone. The DELETEs in flight at the kill
    // were applied but never answered (no 200 counted): the restarted service looked them up and did not
    // send them again.
    let unanswered = 0;
    for (const authId of ids) {
      const { calls, ok } = deleteCalls(sandbox, authId);
      expect({ authId, calls, deleted: deletedAtSandbox(sandbox, authId) }).toEqual({
        authId,
        calls: 1,
        deleted: true,
      });
      if (ok === 0) {
        unanswered += 1;
        expect(audit.find((a) => a.subject_id === authId && a.action === 'argos_delete')?.outcome).toBe(
          'verified_deleted',
        );
      }
    }
    expect(audit).toHaveLength(RESULTS * 2);
    for (const authId of ids) {
      expect(
        audit
          .filter((a) => a.subject_id === authId)
          .map((a) => a.action)
          .sort(),
      ).toEqual(['argos_delete', 'local_purge']);
    }
    const personal = await count(
      db,
      'SELECT COUNT(*) AS n FROM faceauth_results WHERE auth_user_id IS NOT NULL OR cf1 IS NOT NULL',
    );
    expect(personal).toBe(0);
    const runs: { outcome: string }[] = await db.query('SELECT outcome FROM faceauth_cleanup_runs');
    expect(runs.map((r) => r.outcome)).toContain('interrupted');
    const probes = sandbox.controls.stats.snapshot().calls['GET /v3/faceauth'] ?? 0;
    const verified = audit.filter((a) => a.outcome === 'verified_deleted').length;
    process.stdout.write(
      `[retention crash ${kind}] killed at ${atKill.audited}/${RESULTS} audited, ${atKill.claimed} claimed, ` +
        `${atKill.sentNotConfirmed} DELETEs in flight (${unanswered} never answered); after restart: ${probes} look-ups, ` +
        `${verified} verified as already deleted, ` +
        `every result deleted once\n`,
    );
  }, 180_000);
});
