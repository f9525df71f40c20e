import { Injectable } from '@nestjs/common';
import type { SandboxConfig } from '../config/sandbox-config.type';
import { InjectSandboxConfig } from './sandbox.tokens';

/**
 * The sandbox's notion of "now": real time plus an offset the control API can move, so tests can
 * cross a token window without sleeping. Webhook retry delays stay on real time on purpose: they
 * pace real network traffic.
 */
@Injectable()
export class SandboxClock {
  private offsetMs = 0;
  private readonly listeners = new Set<() => void>();

  constructor(@InjectSandboxConfig() private readonly config: SandboxConfig) {
    this.reset();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock forward (or back, with a negative value) and tells listeners. */
  advance(seconds: number): Date {
    this.offsetMs += seconds * 1000;
    this.changed();
    return this.now();
  }

  /** Jumps to an instant; the clock keeps ticking from there. */
  set(instant: Date): Date {
    this.offsetMs = instant.getTime() - Date.now();
    this.changed();
    return this.now();
  }

  reset(): void {
    this.offsetMs = this.config.clockStart ? Date.parse(this.config.clockStart) - Date.now() : 0;
  }

  /** Registers a callback run after every jump (used to fire due time-token notices at once). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
