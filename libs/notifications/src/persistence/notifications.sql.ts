import {
  entityRows,
  insertStatement,
  leaseClaimSql,
  leaseReleaseSql,
  LeaseQueue,
  sqlFamily,
  statementSet,
} from '@faceauth/core';
import { NotificationEndpointEntity } from './notification-endpoint.entity';
import { NotificationOutboxEntity } from './notification-outbox.entity';

/**
 * Due deliveries: pending and due, or delivering with a lease that ran out (their worker died: the row is
 * sent again, same `webhook-id`, at least once). `$1` now.
 */
const DUE = `((status = 'pending' AND next_attempt_at <= $1) OR (status = 'delivering' AND locked_until <= $1))`;

/** The outbox as a lease queue: claimed deliveries are `delivering`. */
const OUTBOX: LeaseQueue = { table: 'faceauth_notification_outbox', claimedStatus: 'delivering' };

/** Settling a claimed delivery: only while this worker still holds its lease (`$1` id, `$2` lease). */
const HELD = `id = $1 AND status = 'delivering' AND locked_until = $2`;

// The shapes of a deliveries listing.
const AFTER = 1;

function deliveriesText(columns: string, key: number): string {
  const after = key & AFTER ? ' AND (created_at, id) < ($3, $4)' : '';
  return (
    `SELECT ${columns} FROM faceauth_notification_outbox WHERE endpoint_id = $2${after}` +
    ' ORDER BY created_at DESC, id DESC LIMIT $1'
  );
}

/** The statements of `faceauth_notification_endpoints` and `faceauth_notification_outbox`, built once per DataSource. */
export const notificationStatements = statementSet((dataSource, kind) => {
  const endpoint = entityRows(dataSource, NotificationEndpointEntity).columns;
  const outbox = entityRows(dataSource, NotificationOutboxEntity).columns;
  return {
    endpointInsert: insertStatement(dataSource, NotificationEndpointEntity).text,
    endpointById: `SELECT ${endpoint} FROM faceauth_notification_endpoints WHERE id = $1`,
    /** Oldest first, `$1` limit (endpoints are few: no cursor). */
    endpointList: `SELECT ${endpoint} FROM faceauth_notification_endpoints ORDER BY created_at, id LIMIT $1`,
    /** The outbox's backlog: deliveries not settled yet, and the earliest next attempt among them. */
    backlog: `SELECT COUNT(*) AS waiting, MIN(next_attempt_at) AS oldest FROM faceauth_notification_outbox
WHERE status IN ('pending', 'delivering')`,
    /** What `enqueue` needs to fan an event out (run on the caller's transaction). */
    subscribers: 'SELECT id, event_types FROM faceauth_notification_endpoints WHERE enabled = TRUE',
    /** `$2` url, `$3` description, `$4` event types (JSON), `$5` enabled, `$6` failures, `$7` reason, `$8` now. */
    endpointUpdate: `
UPDATE faceauth_notification_endpoints SET url = $2, description = $3, event_types = $4, enabled = $5,
  consecutive_failures = $6, disabled_reason = $7, updated_at = $8
WHERE id = $1
RETURNING ${endpoint}`,
    /** `$2` new secret, `$3` the secret read (now previous), `$4` its expiry, `$5` now. */
    endpointRotate: `
UPDATE faceauth_notification_endpoints SET secret = $2, previous_secret = $3, previous_secret_expires_at = $4,
  updated_at = $5
WHERE id = $1 AND secret = $3
RETURNING ${endpoint}`,
    endpointDelete: 'DELETE FROM faceauth_notification_endpoints WHERE id = $1 RETURNING id',
    endpointDeliveriesDelete: 'DELETE FROM faceauth_notification_outbox WHERE endpoint_id = $1',
    /** A 2xx: the run of failures is over (written only when there was one). */
    endpointSucceeded: `
UPDATE faceauth_notification_endpoints SET consecutive_failures = 0
WHERE id = $1 AND consecutive_failures <> 0`,
    /**
     * A delivery ended failed: one more in the run; at `$2` in a row the endpoint is disabled with reason
     * `$3`. `$4` now.
     */
    endpointFailed: `
UPDATE faceauth_notification_endpoints SET consecutive_failures = consecutive_failures + 1,
  enabled = CASE WHEN consecutive_failures + 1 >= $2 THEN FALSE ELSE enabled END,
  disabled_reason = CASE WHEN consecutive_failures + 1 >= $2 AND enabled THEN $3 ELSE disabled_reason END,
  updated_at = $4
WHERE id = $1
RETURNING enabled, consecutive_failures`,

    outboxInsert: insertStatement(dataSource, NotificationOutboxEntity).text,
    /**
     * Claims due deliveries of enabled endpoints for one worker, under a lease, counting the attempt: at most `$3`,
     * disjoint between workers on PostgreSQL (`leaseClaimSql`). `$1` now, `$2` lease end, `$3` batch size.
     */
    claim: leaseClaimSql(kind, {
      ...OUTBOX,
      due: DUE,
      pickFilter: 'endpoint_id IN (SELECT id FROM faceauth_notification_endpoints WHERE enabled = TRUE)',
      columns: outbox,
    }),
    /** `$3` now, `$4` status code, `$5` response excerpt. */
    delivered: `
UPDATE faceauth_notification_outbox SET status = 'delivered', delivered_at = $3, last_status_code = $4,
  response_excerpt = $5, last_error = NULL, locked_until = NULL
WHERE ${HELD}
RETURNING id`,
    /** Gives back a claimed delivery that was not attempted (its batch outlasted the lease). */
    release: leaseReleaseSql(OUTBOX),
    /** `$3` status (pending or failed), `$4` next attempt, `$5` status code, `$6` error, `$7` excerpt. */
    attemptFailed: `
UPDATE faceauth_notification_outbox SET status = $3, next_attempt_at = $4, last_status_code = $5, last_error = $6,
  response_excerpt = $7, locked_until = NULL
WHERE ${HELD}
RETURNING id`,
    deliveryById: `SELECT ${outbox} FROM faceauth_notification_outbox WHERE id = $1`,
    /** An endpoint's deliveries, newest first: `$1` limit, `$2` endpoint, then the keyset position. */
    deliveries: sqlFamily((key) => deliveriesText(outbox, key), [0, AFTER]),
    /** A new attempt series for a settled delivery (same `webhook-id`): `$1` id, `$2` now. */
    replay: `
UPDATE faceauth_notification_outbox SET status = 'pending', attempts = 0, next_attempt_at = $2, locked_until = NULL,
  last_status_code = NULL, last_error = NULL, response_excerpt = NULL, delivered_at = NULL
WHERE id = $1 AND status IN ('delivered', 'failed')
RETURNING ${outbox}`,
  };
});

export const DELIVERIES_AFTER = AFTER;
