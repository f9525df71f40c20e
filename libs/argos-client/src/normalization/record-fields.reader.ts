import { isPlainObject } from '../shared/is-plain-object';

/** `auth_id`, `authId`, `Auth-ID` all become `authid`: Argos' doc versions disagree on casing and separators. */
export function normalizeFieldName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Reads a JSON object by normalised field names, so one alias list covers every spelling. Values are
 * coerced leniently (numeric strings are numbers, numbers are strings) and unknown fields are ignored.
 */
export class FieldReader {
  private readonly fields = new Map<string, unknown>();

  constructor(source: Record<string, unknown>) {
    for (const [name, value] of Object.entries(source)) {
      const key = normalizeFieldName(name);
      // When two spellings collide, the first non-null one wins.
      if (value !== null && value !== undefined && !this.fields.has(key)) this.fields.set(key, value);
    }
  }

  /** The first present value among normalised `aliases`. */
  value(...aliases: string[]): unknown {
    for (const alias of aliases) {
      if (this.fields.has(alias)) return this.fields.get(alias);
    }
    return undefined;
  }

  /** A non-empty trimmed string (a finite number is accepted and stringified). */
  string(...aliases: string[]): string | undefined {
    for (const alias of aliases) {
      const text = asText(this.fields.get(alias));
      if (text !== undefined) return text;
    }
    return undefined;
  }

  /** A finite number (a numeric string is accepted). */
  number(...aliases: string[]): number | undefined {
    for (const alias of aliases) {
      const number = asNumber(this.fields.get(alias));
      if (number !== undefined) return number;
    }
    return undefined;
  }

  /** A nested JSON object. */
  object(...aliases: string[]): Record<string, unknown> | undefined {
    for (const alias of aliases) {
      const value = this.fields.get(alias);
      if (isPlainObject(value)) return value;
    }
    return undefined;
  }
}

export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}
