import { createCipheriv } from 'node:crypto';
import { AesEcbCipher, ARGOS_TEST_VECTOR, deriveKey } from '@faceauth/encryption';
import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { measurePairedThroughput } from '../measure/paired-throughput.measure';

/**
 * QUALITY.md goal 4: the library's AES-256-ECB codec keeps ≥ 0.9× the throughput of the bare Node loop
 * (`createCipheriv` per call, key derived beforehand) on a typical ~110-byte query.
 */
export const codecBench: BenchRow = {
  name: 'codec',
  title: 'AES-256-ECB encrypt of a ~110-byte query: AesEcbCipher.encrypt vs a raw createCipheriv loop',
  subjectLabel: 'AesEcbCipher.encrypt',
  baselineLabel: 'raw createCipheriv',
  unit: 'ops/cpu-s',
  goal: { op: '>=', value: 0.9 },
  async run(ctx: BenchContext): Promise<RowMeasurement> {
    const key = deriveKey(ARGOS_TEST_VECTOR.keyString);
    const plaintext =
      '{"sid":"sub_9f8e7d6c5b4a","authUserId":"user-000123456","authCf1":"someone@example.com","token":"tok_a1b2c3d4e5f6"}';
    const cipher = new AesEcbCipher(key);
    const raw = (): string => {
      const c = createCipheriv('aes-256-ecb', key, null);
      return Buffer.concat([c.update(plaintext, 'utf8'), c.final()]).toString('base64');
    };
    if (cipher.encrypt(plaintext) !== raw())
      throw new Error('codec and raw loop disagree: the comparison would be meaningless');
    const m = measurePairedThroughput(() => cipher.encrypt(plaintext), raw, ctx);
    return {
      subject: m.subjectOpsPerSec,
      baseline: m.baselineOpsPerSec,
      ratio: m.ratio,
      rounds: m.ratios,
      details: {
        plaintextBytes: Buffer.byteLength(plaintext),
        blockSize: m.blockSize,
        blocksPerRound: m.blocksPerRound,
        ratioRange: m.ratioRange,
        subjectRounds: m.subjectRounds,
        baselineRounds: m.baselineRounds,
      },
    };
  },
};
