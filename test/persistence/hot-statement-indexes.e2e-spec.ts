/**
 * Every hot statement reaches its table through an index, on both engines, so that a change that loses
 * one (a dropped or renamed index, a predicate no index serves any more) fails here rather than in
 * production (issue 21). One row per statement: its text, taken from its statement set, realistic values,
 * the table it must reach through an index and how. The plans are read on the migrated, empty schema.
 *
 * SQLite (`EXPLAIN QUERY PLAN`, the statement compiled as RawSql compiles it). With no `ANALYZE` statistics
 * (the product never runs it) SQLite plans by fixed rules, whatever the tables hold, so the plan seen here
 * is the plan production runs:
 * - no table is read in full (`SCAN <table>` without `USING … INDEX`), unless the row tolerates that table;
 * - the row's table is reached by `SEARCH … USING [COVERING] INDEX | PRIMARY KEY`, or, for a row whose
 *   access is `walk` (a list page or a claim that stops at its LIMIT, a partial index of the rows wanted),
 *   also by `SCAN … USING [COVERING] INDEX`, an index read in its order;
 * - a list whose order an index must give has no `USE TEMP B-TREE FOR ORDER BY`; the lists SQLite sorts
 *   today say why (`sortsOnSqlite`), and the test holds them to it, so a change either way is seen.
 *
 * PostgreSQL (`EXPLAIN (FORMAT JSON) EXECUTE` of the statement PREPAREd as RawSql's named statements are,
 * both its generic plan and its custom plan for the values; the server may be older than 16, which has no
 * `EXPLAIN (GENERIC_PLAN)`). The tables are empty, and on an empty table a sequential scan is the cheapest
 * plan whatever the indexes, so the planner would choose one everywhere. The session therefore sets
 * `enable_seqscan = off`: sequential scans priced out, the planner takes an index wherever one can serve
 * the statement, and a `Seq Scan` left in the plan means that none can. Which index it then takes (a
 * primary key or a partial index, a search or an ordered walk, a sort or not) follows the estimates of
 * empty tables, not of production (e.g. `decide` walks the small-looking partial `idx_faceauth_tokens_pending`
 * rather than searching the primary key), so only this is required of a PostgreSQL plan:
 * - no `Seq Scan` on any table, unless the row tolerates that table;
 * - the row's table is reached through an index (any index scan, bitmap scan or index-only scan);
 * - no `Sort` over rows read in full; an upsert's conflict is decided by a unique index (`Conflict Arbiter
 *   Indexes`).
 * Together the two engines catch a lost index: a predicate no index serves reads a table in full on both,
 * and SQLite, whose plans do not depend on the data, also sees a search turned into a walk or a sort.
 *
 * Statements that do not use an index today are listed in KNOWN_WITHOUT_INDEX, with why; the test checks
 * that they still do not, so that the list cannot outlive them. The last test of each engine drops indexes
 * inside a transaction of its own connection and checks that the checker reports exactly the statements
 * that lost them.
 */
import { DataSource } from 'typeorm';
import { KeysetPosition } from '@faceauth/core';
import {
  DELIVERIES_AFTER,
  notificationStatements,
} from '../../libs/notifications/src/persistence/notifications.sql';
import { resultListKey, ResultListFilter, resultListValues } from '../../libs/results/src/result-list.sql';
import { resultStatements } from '../../libs/results/src/result.sql';
import {
  AUDIT_LIST_FILTERS,
  cleanupAuditStatements,
} from '../../libs/retention/src/persistence/cleanup-audit.sql';
import { cleanupLockStatements } from '../../libs/retention/src/persistence/cleanup-lock.sql';
import { expiredRowsStatements } from '../../libs/retention/src/persistence/expired-rows.sql';
import { personalDataStatements } from '../../libs/retention/src/persistence/personal-data.sql';
import { resultCleanupStatements } from '../../libs/retention/src/persistence/result-cleanup.sql';
import { TOKEN_STATUSES } from '../../libs/token-policy/src/policy/link-policy';
import { tokenStatements } from '../../libs/token-policy/src/persistence/token.sql';
import {
  tokenListKey,
  TokenListFilter,
  tokenListValues,
} from '../../libs/token-policy/src/persistence/token-list.sql';
import { InboxStatus } from '../../libs/webhook/src/inbox/webhook-inbox.entity';
import { inboxListKey, inboxStatements } from '../../libs/webhook/src/inbox/webhook-inbox.sql';
import { databasesUnderTest } from '../support/test-databases';
import { useTestDataSource } from '../support/test-data-source';
import { Engine, PlanCheck, PlanSession, planSession, statementProblems } from './query-plans';

interface HotStatement extends PlanCheck {
  name: string;
  text: (dataSource: DataSource) => string;
  /** The values, or how to make them from the text. */
  values: unknown[] | ((text: string) => unknown[]);
}

const NOW = Date.parse('2026-12-03T09:00:00Z');
const DAY = 86_400_000;
const CUTOFF = NOW - 30 * DAY;
const LEASE = NOW + 60_000;
const ID = '0b9f6a4e-3c1d-4e8a-9a57-1f2e3d4c5b6a';
const ID2 = '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const TOKEN = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const AUTH_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const AUTH_ID2 = 'a1b2c3d4-0000-4000-8000-000000000002';
const USER = 'user-4711';
const AFTER: KeysetPosition = { createdAt: NOW - 3_600_000, id: ID2 };
const PAGE = 50;
const AUDIT_FILTER_VALUES: Record<(typeof AUDIT_LIST_FILTERS)[number], string> = {
  subject_id: AUTH_ID,
  action: 'argos_delete',
  outcome: 'failed',
};

/** An upsert's values: none takes part in the plan of its conflict (all NULL: any parameter type). */
const nullsFor = (text: string): null[] =>
  new Array<null>(Math.max(...[...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))).fill(null);

const ONE_COLUMN_INDEX_SORT =
  "its filter's index (one column) gives no created_at order: SQLite sorts the matching rows, a person's, " +
  "a submission's or a reference's few";

const links = (ds: DataSource) => tokenStatements(ds);
const results = (ds: DataSource) => resultStatements(ds);
const inbox = (ds: DataSource) => inboxStatements(ds);
const outbound = (ds: DataSource) => notificationStatements(ds);
const cleanup = (ds: DataSource) => resultCleanupStatements(ds);

/** The first page of the links list under each filter of token-list.sql.ts, and a next page. */
const LINK_LISTS: [string, Omit<TokenListFilter, 'limit'>, Partial<PlanCheck>][] = [
  ['no filter', {}, { access: 'walk' }],
  ['sid', { sid: 'sid-01HZX5Q0V8' }, { sortsOnSqlite: ONE_COLUMN_INDEX_SORT }],
  ['authUserId', { authUserId: USER }, { sortsOnSqlite: ONE_COLUMN_INDEX_SORT }],
  // No index on project: the list walks idx_faceauth_tokens_created, filtering (a project's links are many).
  ['project', { project: 'acme' }, { access: 'walk' }],
  ['clientReference', { clientReference: 'order-2026-0042' }, { sortsOnSqlite: ONE_COLUMN_INDEX_SORT }],
  // A derived status is no column: the list walks the creation index, filtering.
  ...TOKEN_STATUSES.map((status): [string, Omit<TokenListFilter, 'limit'>, Partial<PlanCheck>] => [
    `status ${status}`,
    { status },
    { access: 'walk' },
  ]),
  ['project and status active', { project: 'acme', status: 'active' }, { access: 'walk' }],
  // The cursor's `(created_at < $ OR (created_at = $ AND id < $))` bounds no index range: a walk.
  ['next page', { after: AFTER }, {}],
];

/** The first page of the results list under each filter of result-list.sql.ts, and a next page. */
const RESULT_LISTS: [string, Omit<ResultListFilter, 'limit'>, Partial<PlanCheck>][] = [
  ['no filter', {}, { access: 'walk' }],
  ['submissionId', { submissionId: 'sid-01HZX5Q0V8' }, { sortsOnSqlite: ONE_COLUMN_INDEX_SORT }],
  ['authUserId', { authUserId: USER }, { sortsOnSqlite: ONE_COLUMN_INDEX_SORT }],
  ['linkId', { linkId: ID }, { sortsOnSqlite: ONE_COLUMN_INDEX_SORT }],
  ['status', { status: 'approved' }, { access: 'walk' }],
  ['project', { project: 'acme' }, { access: 'walk' }],
  ['from', { from: new Date(NOW - DAY) }, {}],
  ['to', { to: new Date(NOW) }, {}],
  ['from and to', { from: new Date(NOW - 7 * DAY), to: new Date(NOW - 6 * DAY) }, {}],
  ['next page', { after: AFTER }, {}],
];

/** The inbox list, by status and position (webhook-inbox.sql.ts). */
const INBOX_LISTS: [string, { status?: InboxStatus; after?: KeysetPosition }, Partial<PlanCheck>][] = [
  ['no filter', {}, { access: 'walk' }],
  ['status', { status: 'dead' }, { access: 'walk' }],
  ['next page', { after: AFTER }, {}],
  ['status, next page', { status: 'dead', after: AFTER }, {}],
];

const HOT: HotStatement[] = [
  // Links: admin GET and the long poll, short-link open, mint's idempotency, uses, outcomes.
  { name: 'link by id', table: 'faceauth_tokens', text: (ds) => links(ds).findById, values: [ID] },
  { name: 'link by token', table: 'faceauth_tokens', text: (ds) => links(ds).findByToken, values: [TOKEN] },
  {
    name: 'link by idempotency key',
    table: 'faceauth_tokens',
    text: (ds) => links(ds).findByIdempotencyKey,
    values: ['acme:mint-2026-12-03-0001'],
  },
  {
    name: 'consume (open)',
    table: 'faceauth_tokens',
    text: (ds) => links(ds).consume,
    values: [TOKEN, NOW, ''],
  },
  {
    name: 'consume (result use)',
    table: 'faceauth_tokens',
    text: (ds) => links(ds).consume,
    values: [TOKEN, NOW, AUTH_ID],
  },
  {
    name: 'markExpired',
    table: 'faceauth_tokens',
    text: (ds) => links(ds).markExpired,
    values: [TOKEN, NOW],
  },
  {
    name: 'decideByResult',
    table: 'faceauth_tokens',
    text: (ds) => links(ds).decideByResult,
    values: [ID, AUTH_ID, 'approved', NOW],
  },
  {
    name: 'revokeDeciding',
    table: 'faceauth_tokens',
    text: (ds) => links(ds).revokeDeciding,
    values: [ID, NOW, 'revoked', NOW, 'revoked'],
  },
  { name: 'revoke', table: 'faceauth_tokens', text: (ds) => links(ds).revoke, values: [ID, NOW] },
  {
    name: 'decide',
    table: 'faceauth_tokens',
    text: (ds) => links(ds).decide,
    values: [ID, 'expired', null, NOW, 'expired_unused'],
  },
  {
    // The outcome sweep: the partial idx_faceauth_tokens_pending (pending links, by expires_at), walked.
    name: 'outcome sweep candidates (expiredPending)',
    table: 'faceauth_tokens',
    access: 'walk',
    orderFromIndex: true,
    text: (ds) => links(ds).expiredPending,
    values: [NOW, 100],
  },
  {
    name: 'decidedAmong(1)',
    table: 'faceauth_tokens',
    text: (ds) => links(ds).decidedAmong(1),
    values: [ID],
  },
  {
    name: 'decidedAmong(3)',
    table: 'faceauth_tokens',
    text: (ds) => links(ds).decidedAmong(3),
    values: [ID, ID2, AUTH_ID],
  },
  ...LINK_LISTS.map(([label, filter, check]): HotStatement => ({
    name: `links list: ${label}`,
    table: 'faceauth_tokens',
    orderFromIndex: true,
    ...check,
    text: (ds) => links(ds).list(tokenListKey({ ...filter, limit: PAGE })),
    values: tokenListValues({ ...filter, limit: PAGE }, new Date(NOW)),
  })),

  // Results: admin GET, the webhook processor's upsert, a purge, the list.
  { name: 'result by id', table: 'faceauth_results', text: (ds) => results(ds).findById, values: [AUTH_ID] },
  {
    name: 'result upsert',
    table: 'faceauth_results',
    access: 'upsert',
    text: (ds) => results(ds).upsert,
    values: nullsFor,
  },
  {
    name: 'result purge',
    table: 'faceauth_results',
    text: (ds) => results(ds).purge,
    values: [AUTH_ID, NOW, true],
  },
  ...RESULT_LISTS.map(([label, filter, check]): HotStatement => ({
    name: `results list: ${label}`,
    table: 'faceauth_results',
    orderFromIndex: true,
    ...check,
    text: (ds) => results(ds).list(resultListKey({ ...filter, limit: PAGE })),
    values: resultListValues({ ...filter, limit: PAGE }),
  })),

  // Webhook intake (insert unless the dedupe key exists) and the processor.
  {
    name: 'inbox insert (intake, by dedupe key)',
    table: 'faceauth_webhook_inbox',
    access: 'upsert',
    text: (ds) => inbox(ds).insert,
    values: nullsFor,
  },
  {
    name: 'inbox claim',
    table: 'faceauth_webhook_inbox',
    // SQLite finds the due rows through idx_webhook_inbox_due and the processing ones through
    // idx_webhook_inbox_status_received (MULTI-INDEX OR) and sorts those few.
    postgresIndex: 'idx_webhook_inbox_claim',
    text: (ds) => inbox(ds).claim,
    values: [NOW, LEASE, 20],
  },
  {
    name: 'inbox complete',
    table: 'faceauth_webhook_inbox',
    text: (ds) => inbox(ds).complete,
    values: [ID, LEASE, NOW, 'acme'],
  },
  {
    name: 'inbox fail',
    table: 'faceauth_webhook_inbox',
    text: (ds) => inbox(ds).fail,
    values: [ID, LEASE, 'pending', NOW + 30_000, 'argos_unavailable'],
  },
  {
    name: 'inbox release (a batch past half its lease)',
    table: 'faceauth_webhook_inbox',
    text: (ds) => inbox(ds).release,
    values: [ID, LEASE],
  },
  {
    name: 'inbox row by id',
    table: 'faceauth_webhook_inbox',
    text: (ds) => inbox(ds).findById,
    values: [ID],
  },
  {
    name: 'inbox replay',
    table: 'faceauth_webhook_inbox',
    text: (ds) => inbox(ds).replay,
    values: [ID, NOW],
  },
  { name: 'inbox backlog', table: 'faceauth_webhook_inbox', text: (ds) => inbox(ds).backlog, values: [] },
  ...INBOX_LISTS.map(([label, filter, check]): HotStatement => ({
    name: `inbox list: ${label}`,
    table: 'faceauth_webhook_inbox',
    orderFromIndex: true,
    ...check,
    text: (ds) => inbox(ds).list(inboxListKey(filter)),
    values: [
      PAGE,
      ...(filter.status ? [filter.status] : []),
      ...(filter.after ? [filter.after.createdAt, filter.after.id] : []),
    ],
  })),

  // Outbound webhooks: the dispatcher and the deliveries list.
  {
    name: 'outbox claim',
    table: 'faceauth_notification_outbox',
    fullReadTolerated: {
      // SQLite reads the endpoints once per claim (a list subquery): an operator's handful of rows.
      faceauth_notification_endpoints: 'the enabled endpoints: a handful of rows, read once per claim',
    },
    text: (ds) => outbound(ds).claim,
    values: [NOW, LEASE, 20],
  },
  {
    name: 'outbox delivered',
    table: 'faceauth_notification_outbox',
    text: (ds) => outbound(ds).delivered,
    values: [ID, LEASE, NOW, 204, ''],
  },
  {
    name: 'outbox release (a batch that outlasted its lease)',
    table: 'faceauth_notification_outbox',
    text: (ds) => outbound(ds).release,
    values: [ID, LEASE],
  },
  {
    name: 'outbox attemptFailed',
    table: 'faceauth_notification_outbox',
    text: (ds) => outbound(ds).attemptFailed,
    values: [ID, LEASE, 'pending', NOW + 30_000, 503, 'http_503', 'Service Unavailable'],
  },
  {
    name: 'delivery by id',
    table: 'faceauth_notification_outbox',
    text: (ds) => outbound(ds).deliveryById,
    values: [ID],
  },
  {
    name: 'outbox backlog',
    table: 'faceauth_notification_outbox',
    text: (ds) => outbound(ds).backlog,
    values: [],
  },
  {
    name: 'deliveries list: first page',
    table: 'faceauth_notification_outbox',
    orderFromIndex: true,
    text: (ds) => outbound(ds).deliveries(0),
    values: [PAGE, ID],
  },
  {
    name: 'deliveries list: next page',
    table: 'faceauth_notification_outbox',
    orderFromIndex: true,
    text: (ds) => outbound(ds).deliveries(DELIVERIES_AFTER),
    values: [PAGE, ID, AFTER.createdAt, AFTER.id],
  },
  {
    name: 'endpoint by id',
    table: 'faceauth_notification_endpoints',
    text: (ds) => outbound(ds).endpointById,
    values: [ID],
  },
  {
    name: 'endpoint succeeded',
    table: 'faceauth_notification_endpoints',
    text: (ds) => outbound(ds).endpointSucceeded,
    values: [ID],
  },
  {
    name: 'endpoint failed',
    table: 'faceauth_notification_endpoints',
    text: (ds) => outbound(ds).endpointFailed,
    values: [ID, 10, 'consecutive_failures', NOW],
  },
  {
    name: 'subscribers (enabled endpoints)',
    table: 'faceauth_notification_endpoints',
    text: (ds) => outbound(ds).subscribers,
    values: [],
  },

  // Retention: the cleanup's claims and steps, expired rows, "forget this user".
  {
    // The partial idx_faceauth_results_cleanup_pending (results not yet deleted), walked oldest first.
    name: 'cleanup claim',
    table: 'faceauth_results',
    access: 'walk',
    text: (ds) => cleanup(ds).claim,
    values: [NOW, CUTOFF, LEASE, 100],
  },
  {
    // The user's results through idx_faceauth_results_user and _link (and their links' idx_faceauth_tokens_user).
    name: 'cleanup claim for a user',
    table: 'faceauth_results',
    text: (ds) => cleanup(ds).claimForUser,
    values: [NOW, CUTOFF, LEASE, 100, USER],
  },
  {
    name: 'cleanup markSent',
    table: 'faceauth_results',
    text: (ds) => cleanup(ds).markSent,
    values: [AUTH_ID, NOW, LEASE],
  },
  {
    name: 'cleanup markArgosDeleted(2)',
    table: 'faceauth_results',
    text: (ds) => cleanup(ds).markArgosDeleted(2),
    values: [NOW, LEASE, AUTH_ID, AUTH_ID2],
  },
  {
    name: 'cleanup purge(2)',
    table: 'faceauth_results',
    text: (ds) => cleanup(ds).purge(2),
    values: [NOW, LEASE, AUTH_ID, AUTH_ID2],
  },
  {
    name: 'cleanup release(2)',
    table: 'faceauth_results',
    text: (ds) => cleanup(ds).release(2),
    values: [LEASE, AUTH_ID, AUTH_ID2],
  },
  {
    name: 'cleanup scheduleRetry',
    table: 'faceauth_results',
    text: (ds) => cleanup(ds).scheduleRetry,
    values: [AUTH_ID, NOW + 60_000, NOW, 'argos_unavailable', LEASE],
  },
  {
    name: 'cleanup markFailed',
    table: 'faceauth_results',
    text: (ds) => cleanup(ds).markFailed,
    values: [AUTH_ID, NOW, 'argos_rejected', LEASE],
  },
  {
    name: 'cleanup overdue list',
    table: 'faceauth_results',
    access: 'walk',
    text: (ds) => cleanup(ds).listOverdue,
    values: [NOW, CUTOFF, PAGE],
  },
  {
    name: 'cleanup countDue',
    table: 'faceauth_results',
    text: (ds) => cleanup(ds).countDue,
    values: [NOW, CUTOFF],
  },
  {
    name: "a user's pending results",
    table: 'faceauth_results',
    text: (ds) => cleanup(ds).userPending,
    values: [USER],
  },
  {
    name: "a user's results made due",
    table: 'faceauth_results',
    text: (ds) => cleanup(ds).markUserDue,
    values: [USER, NOW],
  },
  {
    name: 'expired links batch (delete)',
    table: 'faceauth_tokens',
    text: (ds) => expiredRowsStatements(ds).deleteTokens,
    values: [CUTOFF, 500],
  },
  {
    name: 'settled inbox batch (delete)',
    table: 'faceauth_webhook_inbox',
    text: (ds) => expiredRowsStatements(ds).deleteInbox,
    values: [CUTOFF, 500],
  },
  {
    name: "results' inbox payloads",
    table: 'faceauth_webhook_inbox',
    text: (ds) => personalDataStatements(ds).inboxPayloads(2),
    values: [AUTH_ID, AUTH_ID2],
  },
  {
    name: "a user's links",
    table: 'faceauth_tokens',
    text: (ds) => personalDataStatements(ds).findLinks,
    values: [USER],
  },
  {
    name: 'erase links(2)',
    table: 'faceauth_tokens',
    text: (ds) => personalDataStatements(ds).eraseLinks(2),
    values: [NOW, ID, ID2],
  },
  {
    name: 'cleanup lock acquire',
    table: 'faceauth_cleanup_locks',
    access: 'upsert',
    text: (ds) => cleanupLockStatements(ds).acquire,
    values: nullsFor,
  },
  {
    name: 'cleanup lock renew',
    table: 'faceauth_cleanup_locks',
    text: (ds) => cleanupLockStatements(ds).renew,
    values: ['result-cleanup', 'host-1:4711', LEASE],
  },
  {
    name: 'audit record(1)',
    table: 'faceauth_cleanup_audit',
    access: 'upsert',
    text: (ds) => cleanupAuditStatements(ds).record(1),
    values: nullsFor,
  },
  // The audit trail, newest first: no filter, then each filter (a shape bit of AUDIT_LIST_FILTERS). None
  // has an index of its own (subject_id is not first in uq_cleanup_audit_subject_action): a walk.
  {
    name: 'audit list: no filter',
    table: 'faceauth_cleanup_audit',
    access: 'walk',
    orderFromIndex: true,
    text: (ds) => cleanupAuditStatements(ds).list(0),
    values: [PAGE],
  },
  ...AUDIT_LIST_FILTERS.map((filter, bit): HotStatement => ({
    name: `audit list: ${filter}`,
    table: 'faceauth_cleanup_audit',
    access: 'walk',
    orderFromIndex: true,
    text: (ds) => cleanupAuditStatements(ds).list(1 << bit),
    values: [PAGE, AUDIT_FILTER_VALUES[filter]],
  })),
];

/** Hot statements that reach their table through no index today, with why (checked to be still so). */
const KNOWN_WITHOUT_INDEX: { name: string; engines: Engine[]; reason: string }[] = [
  {
    name: 'subscribers (enabled endpoints)',
    engines: ['sqlite', 'postgres'],
    reason:
      'no index on faceauth_notification_endpoints.enabled: the table holds an operator-configured handful of ' +
      'endpoints, and the list is kept SUBSCRIBERS_TTL_MS (1 s) per process, so it is read at most once a ' +
      'second, not per event',
  },
];

/** Indexes the self-test drops, and the statements that must then be reported, per engine. */
const DROPPED = ['idx_webhook_inbox_auth', 'idx_faceauth_tokens_client_ref'];
const REPORTED_WITHOUT_THEM: Record<Engine, string[]> = {
  // Payloads by auth_id: a full read on both engines.
  // The clientReference list: on SQLite a walk of idx_faceauth_tokens_created where a search was required;
  // PostgreSQL takes the same walk, which its rules accept (its choice of index follows empty-table estimates).
  sqlite: ["results' inbox payloads", 'links list: clientReference'],
  postgres: ["results' inbox payloads"],
};

const known = (name: string, engine: Engine): boolean =>
  KNOWN_WITHOUT_INDEX.some((entry) => entry.name === name && entry.engines.includes(engine));

describe('the table of hot statements', () => {
  it('names each statement once, and every known exception is a row of it', () => {
    const names = HOT.map((statement) => statement.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { name } of KNOWN_WITHOUT_INDEX) expect(names).toContain(name);
    for (const engine of Object.keys(REPORTED_WITHOUT_THEM) as Engine[]) {
      for (const name of REPORTED_WITHOUT_THEM[engine]) expect(names).toContain(name);
    }
  });
});

describe.each(databasesUnderTest())('hot statements on %s', (kind) => {
  const db = useTestDataSource(kind);
  let session: PlanSession;
  beforeAll(async () => {
    session = await planSession(db.dataSource);
  });
  afterAll(async () => {
    await session?.release();
  });

  const problemsOf = (statement: HotStatement): Promise<string[]> => {
    const text = statement.text(db.dataSource);
    const values = typeof statement.values === 'function' ? statement.values(text) : statement.values;
    return statementProblems(session, text, values, statement);
  };

  it.each(HOT.filter((statement) => !known(statement.name, kind)).map((s) => [s.name, s] as const))(
    '%s reaches its table through an index',
    async (_name, statement) => {
      expect(await problemsOf(statement)).toEqual([]);
    },
  );

  const knownHere = KNOWN_WITHOUT_INDEX.filter((entry) => entry.engines.includes(kind));
  it.each(knownHere.map((entry) => [entry.name, entry] as const))(
    '%s still reaches its table through no index (KNOWN_WITHOUT_INDEX; remove it once it does)',
    async (name) => {
      const statement = HOT.find((s) => s.name === name)!;
      expect(await problemsOf(statement)).not.toEqual([]);
    },
  );

  it('reports exactly the statements whose index was dropped (self-test of the checker)', async () => {
    const reported = async (): Promise<string[]> => {
      const names: string[] = [];
      for (const statement of HOT) {
        if (!known(statement.name, kind) && (await problemsOf(statement)).length > 0)
          names.push(statement.name);
      }
      return names.sort();
    };
    // Inside a transaction of the session's own connection: rolled back, the indexes are back.
    await session.execute('BEGIN');
    try {
      for (const index of DROPPED) await session.execute(`DROP INDEX ${index}`);
      expect(await reported()).toEqual([...REPORTED_WITHOUT_THEM[kind]].sort());
    } finally {
      await session.execute('ROLLBACK');
    }
    expect(await reported()).toEqual([]);
  });
});
