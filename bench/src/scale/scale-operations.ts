import { tableOf } from '@faceauth/core';
import { ResultCleanupRepository } from '../../../libs/retention/src/persistence/result-cleanup.repository';
import { SqlRunner } from '../../../libs/retention/src/persistence/sql-runner';
import { MINT_BODY } from '../http/link-fixtures';
import { RESULT_RETENTION_MS, resultsPurgedBelow, scaleIds } from '../http/scale-seed';
import { ScaleSide, ScaleStacks } from '../http/scale-stack';
import { ScaleRequest } from './sequential-client';

/** Where a round's calls come from: the side (its size picks the ids), the round's label, a run nonce. */
export interface ScaleCallContext {
  stacks: ScaleStacks;
  side: ScaleSide;
  /** Unique per round and side within the run (webhook ids, forwarded addresses). */
  tag: string;
  /** A deterministic seed per round index, the same for both sides of a turn. */
  seed: number;
}

/**
 * One hot operation: `calls` builds a round's timed calls (HTTP requests to the side's service, or an
 * in-process statement through the service's repository); `settle` runs after them, untimed, for work the
 * server still owes (the webhook processor), so that it never spills into the other side's round.
 */
export interface ScaleOperation {
  /** Short id, used in check labels and details keys, e.g. `status=expired`. */
  key: string;
  label: string;
  /** Calls per round. */
  count: number;
  calls(ctx: ScaleCallContext): (() => Promise<number>)[];
  settle?(ctx: ScaleCallContext): Promise<void>;
  /** The operation runs inside the bench process (no service CPU to read). */
  inProcess?: boolean;
}

/** Point operations: 200 calls per round; list pages (50 rows of JSON each) 50. */
const POINT_CALLS = 200;
const LIST_CALLS = 50;

/** A small deterministic generator (LCG): the same indexes for both sides of a turn. */
function randoms(seed: number): () => number {
  let state = (seed * 2_654_435_761) >>> 0 || 1;
  return () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
}

const admin = (stacks: ScaleStacks): Record<string, string> => ({ 'x-api-key': stacks.apiKey });

function http(ctx: ScaleCallContext, specs: ScaleRequest[]): (() => Promise<number>)[] {
  return specs.map((spec) => () => ctx.side.client.send(spec));
}

/** `count` GETs of `path(random, rows)`, each answered 200. */
function listOperation(
  key: string,
  label: string,
  path: (next: () => number, rows: number) => string,
  nonEmpty = true,
): ScaleOperation {
  return {
    key,
    label,
    count: LIST_CALLS,
    calls: (ctx) => {
      const next = randoms(ctx.seed);
      return http(
        ctx,
        Array.from({ length: LIST_CALLS }, () => ({
          method: 'GET' as const,
          path: path(next, ctx.side.rows),
          headers: admin(ctx.stacks),
          status: 200,
          // A filter that must find rows: a page that is not empty (a wrong seed would measure nothing).
          ...(nonEmpty ? { bodyIncludes: '"items":[{' } : {}),
        })),
      );
    },
  };
}

const pick = (next: () => number, n: number): number => Math.floor(next() * n);

/** A row index in [from, rows) whose row names a user (5% name none), so its user's list is not empty. */
function withUser(next: () => number, rows: number, from: number): number {
  for (;;) {
    const i = from + pick(next, rows - from);
    if (scaleIds.hasUser(i)) return i;
  }
}

/** A link index that has a client reference (70% have one). */
function referencedLink(next: () => number, rows: number): string {
  for (;;) {
    const reference = scaleIds.clientReferenceOf(pick(next, rows));
    if (reference) return reference;
  }
}

/** A result reached through a link (not purged): its link id. */
function linkWithResults(next: () => number, rows: number): string {
  for (;;) {
    const link = scaleIds.linkOfResult(pick(next, rows), rows);
    if (link) return link;
  }
}

export const MINT: ScaleOperation = {
  key: 'mint',
  label: 'POST /v1/links',
  count: POINT_CALLS,
  calls: (ctx) =>
    http(
      ctx,
      Array.from({ length: POINT_CALLS }, () => ({
        method: 'POST' as const,
        path: '/v1/links',
        headers: { ...admin(ctx.stacks), 'content-type': 'application/json' },
        body: MINT_BODY,
        status: 201,
      })),
    ),
};

export const ADMIN_GET: ScaleOperation = {
  key: 'admin-get',
  label: 'GET /v1/links/:id',
  count: POINT_CALLS,
  calls: (ctx) => {
    const next = randoms(ctx.seed);
    return http(
      ctx,
      Array.from({ length: POINT_CALLS }, () => ({
        method: 'GET' as const,
        path: `/v1/links/${scaleIds.link(pick(next, ctx.side.rows))}`,
        headers: admin(ctx.stacks),
        status: 200,
      })),
    );
  },
};

/** The first page of `GET /v1/links`, unfiltered and with each filter of ListLinksQueryDto. */
export const LINK_LISTS: ScaleOperation[] = [
  listOperation('none', 'GET /v1/links', () => '/v1/links'),
  ...(['active', 'used', 'expired', 'revoked'] as const).map((status) =>
    listOperation(`status=${status}`, `GET /v1/links?status=${status}`, () => `/v1/links?status=${status}`),
  ),
  listOperation(
    'authUserId',
    'GET /v1/links?authUserId=',
    (next, rows) => `/v1/links?authUserId=${scaleIds.user(scaleIds.userOf(withUser(next, rows, 0), rows))}`,
  ),
  listOperation(
    'sid',
    'GET /v1/links?sid=',
    (next, rows) => `/v1/links?sid=${scaleIds.sidOf(pick(next, rows), rows)}`,
  ),
  listOperation(
    'clientReference',
    'GET /v1/links?clientReference=',
    (next, rows) => `/v1/links?clientReference=${referencedLink(next, rows)}`,
  ),
  listOperation('project', 'GET /v1/links?project=default', () => '/v1/links?project=default'),
];

/** The first page of `GET /v1/results`, unfiltered and with each filter of ListResultsQueryDto. */
export const RESULT_LISTS: ScaleOperation[] = [
  listOperation('none', 'GET /v1/results', () => '/v1/results'),
  ...(['approved', 'rejected'] as const).map((status) =>
    listOperation(
      `status=${status}`,
      `GET /v1/results?status=${status}`,
      () => `/v1/results?status=${status}`,
    ),
  ),
  listOperation(
    'authUserId',
    'GET /v1/results?authUserId=',
    (next, rows) =>
      `/v1/results?authUserId=${scaleIds.user(scaleIds.userOf(withUser(next, rows, resultsPurgedBelow(rows)), rows))}`,
  ),
  listOperation('submissionId', 'GET /v1/results?submissionId=', (next, rows) => {
    const from = resultsPurgedBelow(rows);
    return `/v1/results?submissionId=${scaleIds.sidOf(from + pick(next, rows - from), rows)}`;
  }),
  listOperation(
    'linkId',
    'GET /v1/results?linkId=',
    (next, rows) => `/v1/results?linkId=${linkWithResults(next, rows)}`,
  ),
  listOperation('project', 'GET /v1/results?project=default', () => '/v1/results?project=default'),
  // One day, two days ago: the created_at range filter (inclusive from, exclusive to).
  listOperation('from-to', 'GET /v1/results?from=&to= (one day)', () => {
    const day = 86_400_000;
    const to = new Date(Math.floor(Date.now() / day) * day - day);
    const from = new Date(to.getTime() - day);
    return `/v1/results?from=${from.toISOString()}&to=${to.toISOString()}`;
  }),
];

/** The first page of `GET /v1/webhooks/inbox`, unfiltered and by status. */
export const INBOX_LISTS: ScaleOperation[] = [
  listOperation('none', 'GET /v1/webhooks/inbox', () => '/v1/webhooks/inbox'),
  ...(['done', 'pending', 'dead', 'ignored'] as const).map((status) =>
    listOperation(
      `status=${status}`,
      `GET /v1/webhooks/inbox?status=${status}`,
      () => `/v1/webhooks/inbox?status=${status}`,
    ),
  ),
];

/** Rows of the inbox still owed processing (seeded pending rows wait a day: not counted). */
async function inboxBacklog(side: ScaleSide): Promise<number> {
  const table = tableOf(side.dataSource, 'webhook_inbox');
  const rows = await side.dataSource.query<{ n: string | number }[]>(
    `SELECT COUNT(*) AS n FROM ${table} WHERE status IN ('pending', 'processing') AND next_attempt_at <= ${Date.now()}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * `POST /webhooks/argos?secret=…` with a new faceAuth result per request (the body of
 * webhook-deliveries.ts), answered 200 once the inbox row is durable; the processor then upserts each
 * result into the 1M-row results table. The round times the intake; the drain (untimed) keeps the
 * processing out of the next round.
 */
export const WEBHOOK: ScaleOperation = {
  key: 'webhook',
  label: 'POST /webhooks/argos (intake)',
  count: POINT_CALLS,
  calls: (ctx) =>
    http(
      ctx,
      Array.from({ length: POINT_CALLS }, (_v, n) => ({
        method: 'POST' as const,
        path: `/webhooks/argos?secret=${ctx.stacks.webhookSecret}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          webhook_trigger: 'faceAuth',
          data: {
            Authentication_id: `scale-${ctx.tag}-${n}`,
            Submission_id: 's',
            Auth_Status: n % 4 === 0 ? 'rejected' : 'approved',
            Create_Time: '2026-11-20T10:00:00Z',
          },
        }),
        status: 200,
      })),
    ),
  settle: async (ctx) => {
    const deadline = Date.now() + 120_000;
    while ((await inboxBacklog(ctx.side)) > 0) {
      if (Date.now() > deadline) throw new Error(`scale ${ctx.side.label}: the inbox did not drain in 120 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  },
};

let forwarded = 0;

/** A fresh client address per request (the short link is rate limited per address: 60/min). */
function nextAddress(): string {
  const k = ++forwarded;
  return `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
}

/** Link ids still active (pending outcome, not expired), read once per side from the pending index. */
const activeLinks = new WeakMap<ScaleSide, Promise<string[]>>();

function activeLinksOf(side: ScaleSide): Promise<string[]> {
  let ids = activeLinks.get(side);
  if (!ids) {
    const table = tableOf(side.dataSource, 'tokens');
    ids = side.dataSource
      .query<{ id: string }[]>(
        `SELECT id FROM ${table} WHERE outcome_status = 'pending' AND expires_at > ${Date.now() + 3_600_000}
         AND revoked_at IS NULL AND use_count = 0 AND consume_on = 'result' ORDER BY expires_at LIMIT 2000`,
      )
      .then((rows) => rows.map((r) => r.id));
    activeLinks.set(side, ids);
  }
  return ids;
}

/**
 * `GET /l/:id` of active links (consumed on result, so opening writes nothing): the token read, the policy
 * check, the URL encryption, the 302.
 */
export const SHORT_LINK: ScaleOperation = {
  key: 'short-link',
  label: 'GET /l/:id (302)',
  count: POINT_CALLS,
  calls: (ctx) => {
    const next = randoms(ctx.seed);
    const ids = activeLinksOf(ctx.side);
    return Array.from({ length: POINT_CALLS }, () => {
      const at = next();
      return async () => {
        const list = await ids;
        if (list.length === 0) throw new Error(`scale ${ctx.side.label}: no active link to open`);
        return ctx.side.client.send({
          method: 'GET',
          path: `/l/${list[Math.floor(at * list.length)]}`,
          headers: { 'x-forwarded-for': nextAddress() },
          status: 302,
        });
      };
    });
  },
};

/** The service's cleanup repository on the bench's DataSource (the service's own code and statements). */
const repositories = new WeakMap<ScaleSide, ResultCleanupRepository>();

/** The retention's default batch (CLEANUP_BATCH_SIZE). */
const CLAIM_BATCH = 100;

/**
 * One claim of the results cleanup (`ResultCleanupRepository.claim`: result-cleanup.sql.ts `claim`, the
 * service's own statement through its RawSql runner, prepared as in the service), run in the bench process
 * on the seeded database (the cleanup scheduler is off in the services). The lease is set to the claim's
 * own `now`, so the rows stay claimable and every call claims the same due batch: each call does the same
 * work, and the seeded state does not drift between rounds.
 */
export const CLEANUP_CLAIM: ScaleOperation = {
  key: 'cleanup-claim',
  label: 'cleanup claim (batch of 100)',
  count: POINT_CALLS,
  inProcess: true,
  calls: (ctx) => {
    let repository = repositories.get(ctx.side);
    if (!repository) {
      repository = new ResultCleanupRepository(new SqlRunner(ctx.side.dataSource));
      repositories.set(ctx.side, repository);
    }
    const claims = repository;
    return Array.from({ length: POINT_CALLS }, () => async () => {
      const started = performance.now();
      const now = Date.now();
      const claimed = await claims.claim(now, now - RESULT_RETENTION_MS, now, CLAIM_BATCH);
      const ms = performance.now() - started;
      if (claimed.length !== CLAIM_BATCH) {
        throw new Error(
          `scale ${ctx.side.label}: the cleanup claim took ${claimed.length} results, expected ${CLAIM_BATCH}`,
        );
      }
      return ms;
    });
  },
};
