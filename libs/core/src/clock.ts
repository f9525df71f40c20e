/**
 * The source of "now" for every time-dependent rule (token windows, retention deadlines, leases).
 * Injected as a provider so tests can pin or advance time; production uses {@link SystemClock}.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** Wall-clock time. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to; for tests and simulations. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | number = Date.UTC(2026, 0, 1)) {
    super();
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | number): void {
    this.current = typeof at === 'number' ? at : at.getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
