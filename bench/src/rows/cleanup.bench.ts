import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ManualClock } from '@faceauth/core';
import { FaceAuthResultEntity } from '@faceauth/results';
import { createApiApp } from '../../../apps/api/src/bootstrap/create-api-app';
import { loadConfig } from '@faceauth/service';
import {
  createSandboxApp,
  DEFAULT_API_KEY,
  DEFAULT_PID,
  DEFAULT_POLICY,
  SEEDED_SUBMISSIONS,
} from '@faceauth/argos-sandbox';
import { CleanupBatchRunner } from '../../../libs/retention/src/cleanup/cleanup-batch.runner';
import { zeroCounts } from '../../../libs/retention/src/persistence/cleanup-run.repository';
import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { BenchDatabaseKind, createBenchDatabase } from '../http/bench-database';
import { median } from '../measure/median';

const DAY = 24 * 3600 * 1000;
const ROWS_PER_ROUND = 1000;
const BATCH = 100;
/** The Argos rate cap the second measurement runs under, and how many deletions it times. */
const ARGOS_CAP = 50;
const ARGOS_DELETIONS = 150;

/**
 * QUALITY.md performance goal 5 (issue 8, acceptance 6): the cleanup's local deletions (claim, inbox
 * redaction, audit rows, purge; rows already deleted at Argos) in batches, against a bare batched
 * `UPDATE … SET personal fields = NULL` on the same database; checks: ≥ 1,000 local deletions/s, and the
 * Argos call rate of a cleanup against the in-process sandbox within 10% of the configured cap, never above.
 */
export function cleanupBench(kind: BenchDatabaseKind): BenchRow {
  return {
    name: `cleanup-${kind}`,
    title: `Cleanup on ${kind}: local deletions/s of CleanupBatchRunner (batches of ${BATCH}) vs a bare batched purge UPDATE`,
    subjectLabel: 'cleanup batches (claim, redact, audit, purge)',
    baselineLabel: 'bare batched UPDATE',
    unit: 'deletions/s',
    goal: { op: '>=', value: 0.03 },
    run: (ctx) => measureCleanup(kind, ctx),
  };
}

async function measureCleanup(kind: BenchDatabaseKind, ctx: BenchContext): Promise<RowMeasurement> {
  const database = await createBenchDatabase(kind);
  const sandbox = await createSandboxApp({ logLevels: [] });
  const clock = new ManualClock(Date.now());
  const config = loadConfig({
    ...database.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEV_ADMIN_KEY: 'false',
    FACEAUTH_PID: DEFAULT_PID,
    FACEAUTH_API_KEY: DEFAULT_API_KEY,
    ARGOS_API_BASE_URL: `${sandbox.url}/v3`,
    ARGOS_FORM_URL: `${sandbox.url}/face-auth`,
    RECONCILE_ENABLED: 'false',
    WEBHOOK_PROCESSOR_ENABLED: 'false',
    CLEANUP_ENABLED: 'false',
    CLEANUP_BATCH_SIZE: String(BATCH),
    CLEANUP_ARGOS_RATE_PER_SECOND: String(ARGOS_CAP),
    CLEANUP_ARGOS_CONCURRENCY: '4',
  });
  const { app } = await createApiApp({ config, clock });
  try {
    const rounds = Math.max(1, Math.min(ctx.rounds, 5));
    const subject: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < rounds; round++) {
      subject.push(await timeRound(app, clock, `s${round}`, (ids) => drainLocal(app, ids)));
      baseline.push(await timeRound(app, clock, `b${round}`, (ids) => barePurge(app, ids)));
      ctx.log(
        `bench:   cleanup-${kind} round ${round + 1}: ${Math.round(subject[round])} vs ${Math.round(baseline[round])} deletions/s`,
      );
    }
    const argosRate = await measureArgosRate(app, clock, sandbox.controls);
    ctx.log(
      `bench:   cleanup-${kind} Argos calls: ${argosRate.toFixed(1)}/s against a cap of ${ARGOS_CAP}/s`,
    );
    const localPerS = median(subject);
    const ratios = subject.map((s, i) => s / baseline[i]);
    return {
      subject: localPerS,
      baseline: median(baseline),
      ratio: median(ratios),
      rounds: ratios,
      checks: [
        {
          label: 'local deletions/s',
          value: Math.round(localPerS),
          unit: '/s',
          goal: { op: '>=', value: 1000 },
        },
        {
          label: 'Argos calls/s vs cap (never above)',
          value: round2(argosRate / ARGOS_CAP),
          unit: '× cap',
          goal: { op: '<=', value: 1 },
        },
        {
          label: 'Argos calls/s vs cap (within 10%)',
          value: round2(argosRate / ARGOS_CAP),
          unit: '× cap',
          goal: { op: '>=', value: 0.9 },
        },
      ],
      details: {
        database: kind,
        rowsPerRound: ROWS_PER_ROUND,
        batch: BATCH,
        rounds,
        subjectRounds: subject.map(Math.round),
        baselineRounds: baseline.map(Math.round),
        argosCap: ARGOS_CAP,
        argosCallsPerS: round2(argosRate),
      },
    };
  } finally {
    await app.close();
    await sandbox.close();
    await database.drop();
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Seeds a round's results (due, already deleted at Argos), then times `purge` over them. */
async function timeRound(
  app: INestApplicationContext,
  clock: ManualClock,
  tag: string,
  purge: (ids: string[]) => Promise<void>,
): Promise<number> {
  const t = clock.now().getTime() - 40 * DAY;
  const ids = Array.from({ length: ROWS_PER_ROUND }, (_v, i) => `bench-${tag}-${i}`);
  const repo = app.get(DataSource).getRepository(FaceAuthResultEntity);
  for (let i = 0; i < ids.length; i += 250) {
    await repo.insert(
      ids.slice(i, i + 250).map((authId, k) => ({
        authId,
        project: 'default',
        status: 'approved',
        submissionId: SEEDED_SUBMISSIONS.approved,
        authUserId: `bench-user-${i + k}`,
        cf1: 'bench@example.com',
        cf2: null,
        cf3: null,
        tokenId: null,
        submitType: 'api',
        scores: { faceSimilarity: 0.97 },
        failCodes: [],
        rejectComments: [],
        source: 'api',
        createdAt: new Date(t + i + k),
        updatedAt: new Date(t),
        purgedAt: null,
        argosDeletedAt: new Date(t),
        legalHold: false,
      })),
    );
  }
  const started = performance.now();
  await purge(ids);
  return (ids.length / (performance.now() - started)) * 1000;
}

async function drainLocal(app: INestApplicationContext, ids: string[]): Promise<void> {
  const counts = zeroCounts();
  await app
    .get(CleanupBatchRunner)
    .drain({ counts, runId: async () => null, shouldStop: () => false, afterBatch: async () => true });
  if (counts.purged !== ids.length) throw new Error(`cleanup purged ${counts.purged} of ${ids.length} rows`);
}

async function barePurge(app: INestApplicationContext, ids: string[]): Promise<void> {
  const dataSource = app.get(DataSource);
  const postgres = dataSource.options.type === 'postgres';
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const list = chunk.map((_id, k) => (postgres ? `$${k + 2}` : '?')).join(', ');
    await dataSource.query(
      `UPDATE faceauth_results SET submission_id = NULL, auth_user_id = NULL, cf1 = NULL, cf2 = NULL, cf3 = NULL, token_id = NULL,
         scores = NULL, fail_codes = NULL, reject_comments = NULL, purged_at = ${postgres ? '$1' : '?'}
       WHERE auth_id IN (${list}) AND purged_at IS NULL`,
      [Date.now(), ...chunk],
    );
  }
}

/** Deletions at the sandbox under the cap: calls per second over the drain (the first call is free: burst 1). */
async function measureArgosRate(
  app: INestApplicationContext,
  clock: ManualClock,
  controls: Awaited<ReturnType<typeof createSandboxApp>>['controls'],
): Promise<number> {
  const createdAt = new Date(clock.now().getTime() - 40 * DAY);
  const repo = app.get(DataSource).getRepository(FaceAuthResultEntity);
  for (let i = 0; i < ARGOS_DELETIONS; i++) {
    const record = controls.records.add({
      pid: DEFAULT_PID,
      status: 'approved',
      createdAt,
      submitType: 'api',
      submissionId: SEEDED_SUBMISSIONS.approved,
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
    await repo.insert({
      authId: record.authId,
      project: 'default',
      status: 'approved',
      submissionId: null,
      authUserId: null,
      cf1: null,
      cf2: null,
      cf3: null,
      tokenId: null,
      submitType: 'api',
      scores: null,
      failCodes: null,
      rejectComments: null,
      source: 'api',
      createdAt,
      updatedAt: createdAt,
      purgedAt: null,
      argosDeletedAt: null,
      legalHold: false,
    });
  }
  // Let the bucket refill to its burst (1) so the measurement starts from rest.
  await new Promise((resolve) => setTimeout(resolve, 1000 / ARGOS_CAP));
  const before = controls.stats.snapshot().calls['DELETE /v3/faceauth'] ?? 0;
  const started = performance.now();
  const counts = zeroCounts();
  await app
    .get(CleanupBatchRunner)
    .drain({ counts, runId: async () => null, shouldStop: () => false, afterBatch: async () => true });
  const seconds = (performance.now() - started) / 1000;
  const calls = (controls.stats.snapshot().calls['DELETE /v3/faceauth'] ?? 0) - before;
  if (calls !== ARGOS_DELETIONS || counts.argosDeleted !== ARGOS_DELETIONS) {
    throw new Error(
      `expected ${ARGOS_DELETIONS} deletions at the sandbox, got ${calls} calls and ${counts.argosDeleted} confirmations`,
    );
  }
  return (calls - 1) / seconds;
}
