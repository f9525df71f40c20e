import { retryDelayMs } from './retry-delay';

describe('retryDelayMs (webhook inbox retries)', () => {
  it('is at least 1 ms even when the draw is 0', () => {
    expect(retryDelayMs(1, 1_000, 60_000, () => 0)).toBe(1);
  });

  it('rounds the draw down', () => {
    expect(retryDelayMs(1, 1_000, 60_000, () => 0.9999)).toBe(999);
  });

  it('doubles the ceiling per attempt up to the cap, attempt 0 counting as the first', () => {
    expect([0, 1, 2, 3, 7, 8].map((n) => retryDelayMs(n, 1_000, 60_000, () => 1))).toEqual([
      1_000, 1_000, 2_000, 4_000, 60_000, 60_000,
    ]);
  });
});
