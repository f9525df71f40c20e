import fc from 'fast-check';
import { FullJitterBackoff, fullJitterBackoffMs } from './full-jitter-backoff';

const nearest: FullJitterBackoff = { baseMs: 200, capMs: 2_000, rounding: 'nearest' };
const floorAtLeastOne: FullJitterBackoff = { baseMs: 200, capMs: 2_000, rounding: 'floor', minMs: 1 };
const ceilingOf = (attempt: number): number => Math.min(2_000, 200 * 2 ** Math.max(0, attempt - 1));

describe('fullJitterBackoffMs', () => {
  it('doubles the ceiling per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => fullJitterBackoffMs(n, nearest, () => 1))).toEqual([
      200, 400, 800, 1_600, 2_000, 2_000,
    ]);
  });

  it('stays within [minMs, ceiling] for any draw, even one outside [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2, max: 40 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.constantFrom(nearest, floorAtLeastOne),
        (attempt, r, backoff) => {
          const delay = fullJitterBackoffMs(attempt, backoff, () => r);
          return Number.isInteger(delay) && delay >= (backoff.minMs ?? 0) && delay <= ceilingOf(attempt);
        },
      ),
    );
  });

  it('rounds to the nearest millisecond or down, as the caller chose', () => {
    expect(fullJitterBackoffMs(1, nearest, () => 0.9999)).toBe(200);
    expect(fullJitterBackoffMs(1, floorAtLeastOne, () => 0.9999)).toBe(199);
    expect(fullJitterBackoffMs(1, nearest, () => 0.0001)).toBe(0);
    expect(fullJitterBackoffMs(1, floorAtLeastOne, () => 0.0001)).toBe(1);
  });

  it('treats attempts below 1 as the first one', () => {
    expect(fullJitterBackoffMs(0, nearest, () => 1)).toBe(200);
    expect(fullJitterBackoffMs(-3, nearest, () => 1)).toBe(200);
  });

  it('draws from Math.random by default', () => {
    const spy = jest.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      expect(fullJitterBackoffMs(2, nearest)).toBe(200);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
