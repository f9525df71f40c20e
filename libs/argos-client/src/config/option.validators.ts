import { ArgosConfigErrorCode } from '../errors/argos-config-error-code.enum';
import { ArgosConfigError } from '../errors/argos-config.error';
import { isPlainObject } from '../shared/plain-object.guard';

// setTimeout silently treats larger delays as 1 ms, so every duration option is capped here.
const MAX_TIMER_MS = 2_147_483_647;

/** The boot-time error naming the wrong option; `reason` must never contain a secret value. */
export function invalidOption(path: string, reason: string): ArgosConfigError {
  return new ArgosConfigError(
    ArgosConfigErrorCode.INVALID_OPTIONS,
    `ArgosClientModule: option '${path}' ${reason}`,
  );
}

/** A section such as `timeouts` is optional but, when given, must be an object. */
export function optionalSection(path: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw invalidOption(path, `must be an object, got ${describe(value)}`);
  return value;
}

/** An integer option within [min, max], or its default when absent. */
export function integerOption(
  path: string,
  value: unknown,
  fallback: number,
  min: number,
  max = MAX_TIMER_MS,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidOption(path, `must be an integer between ${min} and ${max}, got ${describe(value)}`);
  }
  return value;
}

export function functionOption<T extends (...args: never[]) => unknown>(
  path: string,
  value: unknown,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') throw invalidOption(path, `must be a function, got ${describe(value)}`);
  return value as T;
}

// Describes a bad value for a message without echoing strings, which could be secrets pasted in the wrong place.
function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
