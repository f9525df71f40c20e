import { DatabaseOutageBackoff } from './database-outage.backoff';

const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

describe('DatabaseOutageBackoff', () => {
  let now: number;
  let lines: string[];
  let backoff: DatabaseOutageBackoff;

  beforeEach(() => {
    now = 0;
    lines = [];
    const logger = {
      warn: (m: string) => lines.push(`warn ${m}`),
      log: (m: string) => lines.push(`log ${m}`),
    };
    backoff = new DatabaseOutageBackoff(logger, 'webhook processing', {
      baseMs: 1_000,
      maxMs: 4_000,
      now: () => now,
    });
  });

  it('logs an outage once and its end once, however many attempts fail', () => {
    for (let i = 0; i < 10; i++) {
      expect(backoff.failed(refused())).toBe(true);
      now += 5_000;
    }
    backoff.succeeded();
    backoff.succeeded();
    expect(lines).toEqual([
      'warn Database unavailable: webhook processing paused until it answers again',
      'log Database available again: webhook processing resumed after 50 s',
    ]);
  });

  it('spaces the attempts out, doubling up to the cap, and stops waiting once the database answers', () => {
    const pauses: number[] = [];
    for (let i = 0; i < 4; i++) {
      backoff.failed(refused());
      const start = now;
      while (backoff.waiting) now += 100;
      pauses.push(now - start);
    }
    expect(pauses).toEqual([1_000, 2_000, 4_000, 4_000]);
    backoff.failed(refused());
    expect(backoff.waiting).toBe(true);
    backoff.succeeded();
    expect(backoff.waiting).toBe(false);
  });

  it('leaves any other error to the caller', () => {
    expect(backoff.failed(new TypeError('bug'))).toBe(false);
    expect(backoff.waiting).toBe(false);
    expect(lines).toEqual([]);
  });
});
