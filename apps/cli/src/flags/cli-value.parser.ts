import { CliUsageError } from '../errors/cli-usage.error';

// nest-commander installs option methods as commander argument parsers: values are checked here, with
// messages naming the flag, before any database is opened.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A whole number within bounds, e.g. `--max-uses`. */
export function wholeNumber(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new CliUsageError(`${flag} must be a whole number ${range} (got "${value}")`);
  }
  return n;
}

/** A value that must match a pattern; `expected` completes "<flag> must be …". */
export function matching(flag: string, value: string, pattern: RegExp, expected: string): string {
  if (!pattern.test(value)) throw new CliUsageError(`${flag} must be ${expected}`);
  return value;
}

/** An id of ours (links, inbox rows): checked before the query so a typo is a usage error, not a miss. */
export function uuidArgument(what: string, value: string | undefined): string {
  if (value === undefined) throw new CliUsageError(`missing ${what}`);
  if (!UUID.test(value)) throw new CliUsageError(`${what} must be a UUID (got "${value}")`);
  return value.toLowerCase();
}

/** A calendar date `YYYY-MM-DD`, as UTC midnight (Argos filters results by whole dates). */
export function isoDate(flag: string, value: string): Date {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  // Date.UTC rolls 2026-02-30 over to March: a real date formats back to what was typed.
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new CliUsageError(`${flag} must be a date YYYY-MM-DD (got "${value}")`);
  }
  return date;
}
