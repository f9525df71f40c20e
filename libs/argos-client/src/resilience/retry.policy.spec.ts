import fc from 'fast-check';
import { parseRetryAfterMs } from './retry-after.parser';
import { backoffDelayMs, decideRetry, RetryQuestion } from './retry.policy';

const settings = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 };
const ask = (overrides: Partial<RetryQuestion>): RetryQuestion => ({
  retryability: 'idempotent',
  idempotent: true,
  attempt: 1,
  remainingMs: 30_000,
  ...overrides,
});

describe('decideRetry', () => {
  it.each<[string, Partial<RetryQuestion>, boolean]>([
    ['idempotent failure on GET/DELETE', {}, true],
    ['idempotent failure on POST', { idempotent: false }, false],
    ['never-sent failure on POST', { idempotent: false, retryability: 'always' }, true],
    ['4xx', { retryability: 'never' }, false],
    ['last allowed attempt', { attempt: 3 }, false],
    ['Retry-After within the cap', { retryAfterMs: 5_000 }, true],
    ['Retry-After over the cap', { retryAfterMs: 10_001 }, false],
    ['delay reaching the deadline', { remainingMs: 100, retryAfterMs: 100 }, false],
  ])('%s → retry %s', (_case, question, retry) => {
    expect(decideRetry(ask(question), settings, () => 0.5).retry).toBe(retry);
  });

  it('waits at least Retry-After even when the jitter is smaller', () => {
    expect(decideRetry(ask({ retryAfterMs: 3_000 }), settings, () => 0)).toEqual({
      retry: true,
      delayMs: 3_000,
    });
  });

  it('never sleeps past the deadline', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, remainingMs, r) => {
          const decision = decideRetry(ask({ attempt, remainingMs }), settings, () => r);
          return !decision.retry || decision.delayMs < remainingMs;
        },
      ),
    );
  });
});

describe('backoffDelayMs (full jitter)', () => {
  it('stays within [0, min(maxDelayMs, base * 2^(attempt-1))]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, r) => {
          const delay = backoffDelayMs(attempt, settings, () => r);
          return delay >= 0 && delay <= Math.min(2_000, 200 * 2 ** (attempt - 1));
        },
      ),
    );
  });

  it('grows exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, settings, () => 1))).toEqual([
      200, 400, 800, 1_600, 2_000,
    ]);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.UTC(2026, 0, 1, 0, 0, 0);
  it.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['3', 3_000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['120', 120_000],
  ])('%p → %p', (header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });
});
