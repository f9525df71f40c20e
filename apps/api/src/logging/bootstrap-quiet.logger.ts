import { LoggerService } from '@nestjs/common';

/** Nest's per-module and per-route start-up lines (about one per route and one per module). */
const BOOTSTRAP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * The application logger Nest writes through, with Nest's own bootstrap lines ("Mapped {…} route",
 * "… dependencies initialized") moved from info to debug: at info a start logs what it did, not its wiring.
 * Nest passes the context as the last argument; everything else is forwarded unchanged.
 */
export class BootstrapQuietLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...params: unknown[]): void {
    if (BOOTSTRAP_CONTEXTS.has(params[params.length - 1] as string)) this.debug(message, ...params);
    else this.inner.log(message, ...params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.inner.error(message, ...params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.inner.warn(message, ...params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.inner.debug?.(message, ...params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.inner.verbose?.(message, ...params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.inner.fatal?.(message, ...params);
  }
}
