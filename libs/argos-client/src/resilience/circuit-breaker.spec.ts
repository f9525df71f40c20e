import { CircuitBreaker, CircuitState } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let now: number;
  let transitions: CircuitState[];
  let breaker: CircuitBreaker;
  beforeEach(() => {
    now = 0;
    transitions = [];
    breaker = new CircuitBreaker(
      { failureThreshold: 3, resetAfterMs: 1_000 },
      () => now,
      (s) => transitions.push(s),
    );
  });
  const fail = (): void => breaker.record(breaker.tryAcquire()!, 'failure');

  it('opens on the Nth consecutive failure, not before', () => {
    fail();
    fail();
    expect(breaker.state()).toBe('closed');
    fail();
    expect(breaker.state()).toBe('open');
    expect(breaker.tryAcquire()).toBeUndefined();
    expect(transitions).toEqual(['open']);
  });

  it('half-opens exactly at resetAfterMs and lets one trial through', () => {
    for (let i = 0; i < 3; i += 1) fail();
    now = 999;
    expect(breaker.state()).toBe('open');
    expect(breaker.msUntilHalfOpen()).toBe(1);
    now = 1_000;
    expect(breaker.state()).toBe('half-open');
    const trial = breaker.tryAcquire();
    expect(trial).toEqual({ trial: true });
    expect(breaker.tryAcquire()).toBeUndefined();
    breaker.record(trial!, 'success');
    expect(breaker.state()).toBe('closed');
    expect(transitions).toEqual(['open', 'closed']);
  });

  it('re-opens on a failed trial and restarts the wait', () => {
    for (let i = 0; i < 3; i += 1) fail();
    now = 1_000;
    breaker.record(breaker.tryAcquire()!, 'failure');
    expect(breaker.state()).toBe('open');
    now = 1_999;
    expect(breaker.state()).toBe('open');
    now = 2_000;
    expect(breaker.state()).toBe('half-open');
  });

  it('a neutral trial frees the slot without deciding', () => {
    for (let i = 0; i < 3; i += 1) fail();
    now = 1_000;
    breaker.record(breaker.tryAcquire()!, 'neutral');
    expect(breaker.state()).toBe('half-open');
    expect(breaker.tryAcquire()).toEqual({ trial: true });
  });

  it('a success between failures resets the count', () => {
    fail();
    fail();
    breaker.record(breaker.tryAcquire()!, 'success');
    fail();
    fail();
    expect(breaker.state()).toBe('closed');
  });
});
