import { nextRetryAt } from './retry-backoff';

const HOUR = 3600_000;
const policy = { periodMs: 72 * HOUR, baseDelayMs: 60_000, maxDelayMs: 6 * HOUR };

describe('nextRetryAt', () => {
  it('doubles from the base delay, with up to half of it jittered away', () => {
    expect(nextRetryAt(0, 0, 1, policy, () => 0)).toBe(30_000);
    expect(nextRetryAt(0, 0, 1, policy, () => 0.999999)).toBeLessThanOrEqual(60_000);
    expect(nextRetryAt(0, 0, 3, policy, () => 0)).toBe(120_000);
  });

  it('caps a delay at maxDelayMs and never schedules past the retry period', () => {
    expect(nextRetryAt(0, 0, 40, policy, () => 0.999999)).toBeLessThanOrEqual(6 * HOUR);
    expect(nextRetryAt(71 * HOUR, 0, 40, policy, () => 0.5)).toBe(72 * HOUR);
  });

  it('answers null once the period is over', () => {
    expect(nextRetryAt(72 * HOUR, 0, 9, policy)).toBeNull();
    expect(nextRetryAt(5, 5, 1, { ...policy, periodMs: 0 })).toBeNull();
  });
});
