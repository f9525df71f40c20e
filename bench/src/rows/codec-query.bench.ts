import { createCipheriv } from 'node:crypto';
import { ARGOS_TEST_VECTOR, deriveKey, FaceAuthQuery, FaceAuthUrlBuilder } from '@faceauth/encryption';
import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { measurePairedThroughput } from '../measure/paired-throughput.measure';

/**
 * The whole query codec as the product uses it (validate, serialize, encrypt) against the least a caller
 * must do by hand for the same ciphertext: JSON.stringify + createCipheriv with a precomputed key.
 */
export const codecQueryBench: BenchRow = {
  name: 'codec-query',
  title:
    'FaceAuth query to ciphertext: FaceAuthUrlBuilder.encryptQuery (validates) vs JSON.stringify + raw createCipheriv',
  subjectLabel: 'FaceAuthUrlBuilder.encryptQuery',
  baselineLabel: 'JSON.stringify + raw createCipheriv',
  unit: 'ops/cpu-s',
  goal: { op: '>=', value: 0.9 },
  async run(ctx: BenchContext): Promise<RowMeasurement> {
    const key = deriveKey(ARGOS_TEST_VECTOR.keyString);
    const query: FaceAuthQuery = {
      sid: 'sub_9f8e7d6c5b4a',
      authUserId: 'user-000123456',
      authCf1: 'someone@example.com',
      token: 'tok_a1b2c3d4e5f6',
    };
    const builder = new FaceAuthUrlBuilder({ pid: 'bench-pid', key });
    const raw = (): string => {
      const c = createCipheriv('aes-256-ecb', key, null);
      return Buffer.concat([c.update(JSON.stringify(query), 'utf8'), c.final()]).toString('base64');
    };
    if (builder.encryptQuery(query) !== raw())
      throw new Error('codec and raw loop disagree: the comparison would be meaningless');
    const m = measurePairedThroughput(() => builder.encryptQuery(query), raw, ctx);
    return {
      subject: m.subjectOpsPerSec,
      baseline: m.baselineOpsPerSec,
      ratio: m.ratio,
      rounds: m.ratios,
      details: {
        blockSize: m.blockSize,
        blocksPerRound: m.blocksPerRound,
        ratioRange: m.ratioRange,
        subjectRounds: m.subjectRounds,
        baselineRounds: m.baselineRounds,
      },
    };
  },
};
