import { DEFAULT_RETRY_SCHEDULE_MS } from '../notifications.options';
import { nextAttemptDelayMs } from './retry-schedule';

describe('nextAttemptDelayMs', () => {
  it('follows the schedule within ±jitter, then gives up', () => {
    expect(nextAttemptDelayMs(1, DEFAULT_RETRY_SCHEDULE_MS, 0.1, () => 0)).toBe(4_500);
    expect(nextAttemptDelayMs(1, DEFAULT_RETRY_SCHEDULE_MS, 0.1, () => 0.5)).toBe(5_000);
    expect(nextAttemptDelayMs(2, DEFAULT_RETRY_SCHEDULE_MS, 0.1, () => 1)).toBe(330_000);
    expect(nextAttemptDelayMs(7, DEFAULT_RETRY_SCHEDULE_MS, 0)).toBe(36_000_000);
    expect(nextAttemptDelayMs(8, DEFAULT_RETRY_SCHEDULE_MS, 0.1)).toBeNull();
    expect(nextAttemptDelayMs(1, [], 0.1)).toBeNull();
  });
});
