import { createCipheriv, randomBytes } from 'node:crypto';
import { AesGcmCipher, ARGOS_TEST_VECTOR, deriveKey } from '@faceauth/encryption';
import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { measurePairedThroughput } from '../measure/paired-throughput.measure';

/** AES-256-GCM mint (random nonce, default layout) against the same steps written inline. */
export const codecGcmBench: BenchRow = {
  name: 'codec-gcm',
  title:
    'AES-256-GCM encrypt incl. random nonce: AesGcmCipher.encrypt vs a raw randomBytes + createCipheriv loop',
  subjectLabel: 'AesGcmCipher.encrypt',
  baselineLabel: 'raw randomBytes + createCipheriv',
  unit: 'ops/cpu-s',
  goal: { op: '>=', value: 0.9 },
  async run(ctx: BenchContext): Promise<RowMeasurement> {
    const key = deriveKey(ARGOS_TEST_VECTOR.keyString);
    const plaintext =
      '{"sid":"sub_9f8e7d6c5b4a","authUserId":"user-000123456","authCf1":"someone@example.com","token":"tok_a1b2c3d4e5f6"}';
    const cipher = new AesGcmCipher(key);
    const raw = (): string => {
      const nonce = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
      const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return Buffer.concat([nonce, body, c.getAuthTag()]).toString('base64');
    };
    if (cipher.decrypt(raw()) !== plaintext)
      throw new Error('codec cannot read the raw loop output: the comparison would be meaningless');
    const m = measurePairedThroughput(() => cipher.encrypt(plaintext), raw, ctx);
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
