import { isValidTokenId } from '@faceauth/encryption';
import { generateTokenId } from './token-id.generator';

describe('generateTokenId', () => {
  it('produces distinct ids inside the vendor token alphabet with ≥128 bits of entropy', () => {
    const ids = Array.from({ length: 5_000 }, generateTokenId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isValidTokenId(id)).toBe(true);
      expect(id).toMatch(/^[A-Za-z0-9]{24}$/);
    }
    expect(24 * Math.log2(62)).toBeGreaterThanOrEqual(128);
  });

  it('uses every character of its alphabet roughly uniformly', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4_000; i++)
      for (const c of generateTokenId()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (4_000 * 24) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.2);
  });
});
