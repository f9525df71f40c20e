import {
  entityRows,
  insertStatement,
  leaseClaimSql,
  leaseReleaseSql,
  LeaseQueue,
  RawInsertOptions,
  sqlFamily,
  statementSet,
} from '@faceauth/core';
import { WebhookInboxEntity } from './webhook-inbox.entity';

/**
 * Inserts unless a row with the same dedupe key exists (RETURNING a row only when this statement wrote
 * one). A webhook about a result that reconciliation found first takes that row over and queues it again:
 * only the webhook carries the token and the person (Argos' records do not), and every effect is idempotent.
 */
export const INBOX_INSERT: RawInsertOptions = {
  conflict: {
    target: ['dedupe_key'],
    update: [
      'payload',
      'source',
      'token_id',
      'status',
      { column: 'attempts', expression: '0' },
      'next_attempt_at',
      { column: 'locked_until', expression: 'NULL' },
      { column: 'last_error', expression: 'NULL' },
    ],
    where: "faceauth_webhook_inbox.source = 'reconcile' AND excluded.source = 'webhook'",
  },
  returning: ['id'],
};

/**
 * Claims due rows (and rows whose lease ran out: their worker died) for one worker. On PostgreSQL, the locked
 * pick (`lockedPick`) lets several replicas claim disjoint batches of at most `$3`, and the outer re-check means a row
 * claimed meanwhile is never claimed twice; SQLite has one writer. `$1` now, `$2` lease, `$3` batch size.
 * Earliest due first (a new row is due when received): on PostgreSQL the partial `idx_webhook_inbox_claim`
 * holds only the rows still to process, so a claim stops after its batch however many done rows the table
 * keeps (ordered by `received_at`, it walked every row ever received); SQLite finds the due rows through
 * `idx_webhook_inbox_due`. The explicit `status IN (…)` lets both planners match the partial index.
 */
const DUE = `((status = 'pending' AND next_attempt_at <= $1) OR (status = 'processing' AND locked_until <= $1))`;

/** The inbox as a lease queue: claimed rows are `processing`. */
const INBOX: LeaseQueue = { table: 'faceauth_webhook_inbox', claimedStatus: 'processing' };

/** Settling a claimed row: only while this worker still holds its lease (`$1` id, `$2` lease). */
const HELD = `id = $1 AND status = 'processing' AND locked_until = $2`;

// The shape of a listing: which filters it has.
const BY_STATUS = 1;
const AFTER = 2;

function listText(columns: string, key: number): string {
  const where: string[] = [];
  let n = 1; // $1: the limit
  if (key & BY_STATUS) where.push(`status = $${++n}`);
  if (key & AFTER) {
    const at = `$${++n}`;
    const id = `$${++n}`;
    where.push(`(received_at, id) < (${at}, ${id})`);
  }
  return (
    `SELECT ${columns} FROM faceauth_webhook_inbox` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ' ORDER BY received_at DESC, id DESC LIMIT $1'
  );
}

/** The text key of a listing, for `list`. */
export const inboxListKey = (filter: { status?: unknown; after?: unknown }): number =>
  (filter.status ? BY_STATUS : 0) | (filter.after ? AFTER : 0);

/** The statements of `faceauth_webhook_inbox`, built once per DataSource (column lists from the entity metadata). */
export const inboxStatements = statementSet((dataSource, kind) => {
  const { columns } = entityRows(dataSource, WebhookInboxEntity);
  return {
    insert: insertStatement(dataSource, WebhookInboxEntity, INBOX_INSERT).text,
    claim: leaseClaimSql(kind, {
      ...INBOX,
      due: DUE,
      pickFilter: "status IN ('pending', 'processing')",
      columns,
    }),
    /** `$3` now, `$4` project (kept when null). */
    complete: `
UPDATE faceauth_webhook_inbox SET status = 'done', processed_at = $3, locked_until = NULL, last_error = NULL,
  project = COALESCE($4, project)
WHERE ${HELD}
RETURNING id`,
    /** `$3` status, `$4` next attempt, `$5` error. */
    fail: `
UPDATE faceauth_webhook_inbox SET status = $3, next_attempt_at = $4, locked_until = NULL, last_error = $5
WHERE ${HELD}
RETURNING id`,
    /** Gives back a claimed row that was not processed (its lease no longer covered a chunk of look-ups). */
    release: leaseReleaseSql(INBOX),
    findById: `SELECT ${columns} FROM faceauth_webhook_inbox WHERE id = $1`,
    /** Puts a row back in the queue as new: `$1` id, `$2` now. */
    replay: `
UPDATE faceauth_webhook_inbox SET status = 'pending', attempts = 0, next_attempt_at = $2, locked_until = NULL,
  last_error = NULL, processed_at = NULL
WHERE id = $1
RETURNING id`,
    /** Newest first, keyset-paginated: `$1` limit, then the status and the position when filtered. */
    list: sqlFamily((key) => listText(columns, key), [0, BY_STATUS, AFTER, BY_STATUS | AFTER]),
    countByStatus: 'SELECT status, COUNT(*) AS n FROM faceauth_webhook_inbox GROUP BY status',
    /**
     * The processor's backlog: rows not settled yet (pending, or processing) and when the oldest arrived. Reads
     * only those rows, found through `idx_webhook_inbox_due` (status first); done rows are never touched.
     */
    backlog:
      "SELECT COUNT(*) AS n, MIN(received_at) AS oldest FROM faceauth_webhook_inbox WHERE status IN ('pending', 'processing')",
  };
});
