/**
 * Whether an error means "the database cannot serve us right now" (unreachable, overloaded, restarting,
 * too slow) rather than "this statement is wrong". Reads the driver's error wherever TypeORM or pg put it
 * (`driverError`, `cause`, an AggregateError's `errors`); never its message beyond pg's fixed texts.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some(isOutageCause);
}

/** Node's socket errors on connect or on an open connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/**
 * PostgreSQL SQLSTATEs: 57014 query_canceled (statement_timeout), 57P01..57P03 shutdown / cannot connect
 * now, 53300 too_many_connections; class 08 (connection exception) is matched by prefix.
 */
const POSTGRES_STATES = new Set(['57014', '57P01', '57P02', '57P03', '53300']);

/** pg and pg-pool raise these as plain Errors without a code. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
  /^Client has encountered a connection error and is not queryable$/,
];

function isOutageCause(error: object): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || POSTGRES_STATES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
    // better-sqlite3: another connection held the lock for longer than the busy timeout.
    if (code.startsWith('SQLITE_BUSY')) return true;
  }
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && PG_MESSAGES.some((pattern) => pattern.test(message));
}

const MAX_DEPTH = 4;

/** The error and what it wraps, breadth first, bounded. */
function causes(error: unknown): object[] {
  const found: object[] = [];
  let level: unknown[] = [error];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const item of level) {
      if (typeof item !== 'object' || item === null || found.includes(item)) continue;
      found.push(item);
      const { driverError, cause, errors } = item as {
        driverError?: unknown;
        cause?: unknown;
        errors?: unknown;
      };
      next.push(driverError, cause, ...(Array.isArray(errors) ? errors : []));
    }
    level = next;
  }
  return found;
}
