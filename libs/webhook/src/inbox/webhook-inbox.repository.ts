import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { DatabaseKind, KeysetPosition, RawSql } from '@faceauth/core';
import { INBOX_COLUMNS, inboxFromRow } from './inbox-row.mapper';
import { InboxStatus, WebhookInboxEntity } from './webhook-inbox.entity';

export type NewInboxRow = Pick<
  WebhookInboxEntity,
  | 'id'
  | 'dedupeKey'
  | 'trigger'
  | 'authId'
  | 'tokenId'
  | 'project'
  | 'payload'
  | 'source'
  | 'status'
  | 'receivedAt'
> & {
  /** Why a row is stored as `ignored` (kept in `last_error`). */
  note?: string;
};

const INSERT_SQL = `
INSERT INTO webhook_inbox (id, dedupe_key, trigger, auth_id, token_id, project, payload, source, status, attempts,
  next_attempt_at, received_at, last_error)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $10, $11)
ON CONFLICT (dedupe_key) DO UPDATE SET payload = excluded.payload, source = excluded.source,
  token_id = excluded.token_id, status = excluded.status, attempts = 0, next_attempt_at = excluded.next_attempt_at,
  locked_until = NULL, last_error = NULL
WHERE webhook_inbox.source = 'reconcile' AND excluded.source = 'webhook'
RETURNING id`;

/**
 * Claims due rows (and rows whose lease ran out: their worker died) for one worker. On PostgreSQL,
 * `FOR UPDATE SKIP LOCKED` lets several replicas claim disjoint batches, and the outer re-check means a row
 * claimed meanwhile is never claimed twice; SQLite has one writer.
 */
const DUE = `((status = 'pending' AND next_attempt_at <= $1) OR (status = 'processing' AND locked_until <= $1))`;
const claimSql = (kind: DatabaseKind): string => `
UPDATE webhook_inbox SET status = 'processing', locked_until = $2, attempts = attempts + 1
WHERE id IN (
  SELECT id FROM webhook_inbox WHERE ${DUE}
  ORDER BY received_at, id
  LIMIT $3${kind === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''})
  AND ${DUE}
RETURNING ${INBOX_COLUMNS}`;

/** Settling a claimed row: only while this worker still holds its lease (`$1` id, `$2` lease). */
const HELD = `id = $1 AND status = 'processing' AND locked_until = $2`;
const COMPLETE_SQL = `
UPDATE webhook_inbox SET status = 'done', processed_at = $3, locked_until = NULL, last_error = NULL,
  project = COALESCE($4, project)
WHERE ${HELD}
RETURNING id`;
const FAIL_SQL = `
UPDATE webhook_inbox SET status = $3, next_attempt_at = $4, locked_until = NULL, last_error = $5
WHERE ${HELD}
RETURNING id`;

@Injectable()
export class WebhookInboxRepository {
  private readonly sql: RawSql;

  constructor(
    @InjectRepository(WebhookInboxEntity) readonly rows: Repository<WebhookInboxEntity>,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.sql = new RawSql(dataSource);
  }

  /**
   * Inserts unless a row with the same dedupe key exists; returns whether this call inserted it. A webhook
   * about a result that reconciliation found first takes that row over and queues it again: only the
   * webhook carries the token and the person (Argos' records do not), and every effect is idempotent.
   */
  async insert(row: NewInboxRow): Promise<boolean> {
    const inserted = await this.sql.rows(INSERT_SQL, [
      row.id,
      row.dedupeKey,
      row.trigger,
      row.authId,
      row.tokenId,
      row.project,
      row.payload,
      row.source,
      row.status,
      row.receivedAt.getTime(),
      row.note ?? null,
    ]);
    return inserted.length === 1;
  }

  async claim(now: Date, leaseMs: number, limit: number): Promise<WebhookInboxEntity[]> {
    const rows = await this.sql.rows(claimSql(this.sql.kind), [
      now.getTime(),
      now.getTime() + leaseMs,
      limit,
    ]);
    return rows.map(inboxFromRow);
  }

  /** Marks a claimed row done, only if this worker still holds its lease. */
  async complete(row: WebhookInboxEntity, now: Date, project: string | null): Promise<boolean> {
    return this.settle(COMPLETE_SQL, row, [now.getTime(), project]);
  }

  /**
   * Schedules a retry, or gives up (`dead`, or `unverified` when Argos never knew the id) — only if this
   * worker still holds the lease.
   */
  async fail(
    row: WebhookInboxEntity,
    error: string,
    retryAt: Date | null,
    givenUp: 'dead' | 'unverified' = 'dead',
  ): Promise<boolean> {
    return this.settle(FAIL_SQL, row, [
      retryAt ? 'pending' : givenUp,
      (retryAt ?? row.nextAttemptAt).getTime(),
      error.slice(0, 500),
    ]);
  }

  findById(id: string): Promise<WebhookInboxEntity | null> {
    return this.rows.findOneBy({ id });
  }

  /** Puts a row back in the queue as new. */
  async replay(id: string, now: Date): Promise<boolean> {
    const result = await this.rows
      .createQueryBuilder()
      .update()
      .set({
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lockedUntil: null,
        lastError: null,
        processedAt: null,
      })
      .where('id = :id', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  list(filter: {
    status?: InboxStatus;
    after?: KeysetPosition;
    limit: number;
  }): Promise<WebhookInboxEntity[]> {
    const q = this.rows
      .createQueryBuilder('w')
      .orderBy('w.received_at', 'DESC')
      .addOrderBy('w.id', 'DESC')
      .limit(filter.limit);
    if (filter.status) q.andWhere('w.status = :status', { status: filter.status });
    if (filter.after) {
      q.andWhere('(w.received_at < :at OR (w.received_at = :at AND w.id < :id))', {
        at: filter.after.createdAt,
        id: filter.after.id,
      });
    }
    return q.getMany();
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.rows
      .createQueryBuilder('w')
      .select('w.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('w.status')
      .getRawMany<{ status: string; n: string | number }>();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** Runs a settle statement whose `$1`, `$2` are the row id and the lease this worker holds. */
  private async settle(text: string, row: WebhookInboxEntity, values: unknown[]): Promise<boolean> {
    const settled = await this.sql.rows(text, [row.id, row.lockedUntil?.getTime() ?? null, ...values]);
    return settled.length > 0;
  }
}
