import { SqlProbe } from './sql-probe';

export interface DrainOutcome {
  ms: number;
  /** Rows still pending or processing when the wait gave up (0 when drained). */
  remaining: number;
}

const DRAIN_TIMEOUT_MS = 120_000;

/**
 * Waits until a processor has settled every row of `table` (the service's inbox, or the end-to-end baseline's
 * twin), or gives up after two minutes.
 */
export async function waitForInboxDrained(
  probe: SqlProbe,
  table = 'faceauth_webhook_inbox',
): Promise<DrainOutcome> {
  const started = Date.now();
  for (;;) {
    const [row] = await probe.query<{ n: string | number }>(
      `SELECT COUNT(*) AS n FROM ${table} WHERE status IN ('pending', 'processing')`,
    );
    const remaining = Number(row?.n ?? 0);
    const ms = Date.now() - started;
    if (remaining === 0 || ms > DRAIN_TIMEOUT_MS) return { ms, remaining };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface InboxAudit {
  /** Acknowledged (2xx) ids with no inbox row: lost webhooks. */
  lost: number;
  /** Distinct ids sent that have no inbox row at all. */
  missing: number;
  /** Inbox rows beyond one per distinct id. */
  extraRows: number;
  /** Rows claimed more than once (attempts > 1): processed again. */
  reclaimed: number;
  /** Rows not `done` after the drain. */
  unprocessed: number;
  /** Stored results of this round (one per distinct id when processing is exactly-once). */
  results: number;
}

/**
 * Checks one subject round by its id prefix: every acknowledged id stored, one inbox row per distinct id,
 * each processed once. `prefix` contains no LIKE wildcard (`_`, `%`).
 */
export async function auditInbox(
  probe: SqlProbe,
  prefix: string,
  distinct: number,
  acknowledged: Set<string>,
): Promise<InboxAudit> {
  const rows = await probe.query<{ auth_id: string; attempts: string | number; status: string }>(
    `SELECT auth_id, attempts, status FROM faceauth_webhook_inbox WHERE dedupe_key LIKE $1`,
    [`faceAuth:${prefix}-%`],
  );
  const stored = new Set(rows.map((r) => r.auth_id));
  const [results] = await probe.query<{ n: string | number }>(
    `SELECT COUNT(*) AS n FROM faceauth_results WHERE auth_id LIKE $1`,
    [`${prefix}-%`],
  );
  return {
    lost: [...acknowledged].filter((id) => !stored.has(id)).length,
    missing: distinct - stored.size,
    extraRows: rows.length - stored.size,
    reclaimed: rows.filter((r) => Number(r.attempts) > 1).length,
    unprocessed: rows.filter((r) => r.status !== 'done').length,
    results: Number(results?.n ?? 0),
  };
}

/** Rows the baseline stored for a prefix (its own twin table): a sanity check that it did the same work. */
export async function countTwinRows(probe: SqlProbe, table: string, prefix: string): Promise<number> {
  const [row] = await probe.query<{ n: string | number }>(
    `SELECT COUNT(*) AS n FROM ${table} WHERE dedupe_key LIKE $1`,
    [`faceAuth:${prefix}-%`],
  );
  return Number(row?.n ?? 0);
}

/** Results the end-to-end baseline stored for a prefix (its twin of `faceauth_results`). */
export async function countTwinResults(probe: SqlProbe, table: string, prefix: string): Promise<number> {
  const [row] = await probe.query<{ n: string | number }>(
    `SELECT COUNT(*) AS n FROM ${table} WHERE auth_id LIKE $1`,
    [`${prefix}-%`],
  );
  return Number(row?.n ?? 0);
}
