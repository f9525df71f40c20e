import { DataSource } from 'typeorm';
import { ManualClock } from '@faceauth/core';
import { FaceAuthResultEntity } from '@faceauth/results';
import { CleanupBatchRunner } from '../../libs/retention/src/cleanup/cleanup-batch.runner';
import { zeroCounts } from '../../libs/retention/src/persistence/cleanup-run.repository';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';
import { DAY } from './retention.fixtures';

describe.each(databasesUnderTest())('throughput %s', (kind) => {
  let api: ApiHarness;
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  beforeAll(async () => {
    api = await startApi(kind, { env: { CLEANUP_ENABLED: 'false', CLEANUP_BATCH_SIZE: process.env.B ?? '100', CLEANUP_ARGOS_CONCURRENCY: process.env.C ?? '4', LOG_LEVEL: 'warn' }, clock });
  });
  afterAll(() => api.close());
  it('local purge', async () => {
    const ds = api.app.get(DataSource);
    const N = 3000;
    const t = clock.now().getTime() - 40 * DAY;
    const rows = Array.from({ length: N }, (_, i) => ({
      authId: `tp-${i}`, project: 'default', status: 'approved', submissionId: 's', authUserId: `u${i}`, cf1: 'x', cf2: null, cf3: null, tokenId: null,
      submitType: 'api', scores: { a: 1 }, failCodes: [], rejectComments: [], source: 'api', createdAt: new Date(t + i), updatedAt: new Date(t),
      purgedAt: null, argosDeletedAt: new Date(t), legalHold: false,
    }));
    for (let i = 0; i < N; i += 500) await ds.getRepository(FaceAuthResultEntity).insert(rows.slice(i, i + 500));
    const counts = zeroCounts();
    const start = performance.now();
    await api.app.get(CleanupBatchRunner).drain({ counts, runId: async () => null, shouldStop: () => false, afterBatch: async () => true });
    const ms = performance.now() - start;
    process.stdout.write(`[${kind}] purged ${counts.purged} in ${ms.toFixed(0)} ms = ${((counts.purged / ms) * 1000).toFixed(0)}/s\n`);
  }, 120000);
});
