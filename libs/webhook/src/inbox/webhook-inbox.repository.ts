import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AtomicWork,
  EntityRows,
  entityRows,
  KeysetPosition,
  RawInsert,
  RawSql,
  SqlStep,
  SqlSteps,
} from '@faceauth/core';
import { InboxStatus, WebhookInboxEntity } from './webhook-inbox.entity';
import { INBOX_INSERT, inboxListKey, inboxStatements } from './webhook-inbox.sql';

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

interface Built {
  q: ReturnType<typeof inboxStatements>;
  rows: EntityRows<WebhookInboxEntity>;
  insert: RawInsert<WebhookInboxEntity>;
}

/**
 * `faceauth_webhook_inbox`, in one style: raw statements written once (webhook-inbox.sql.ts), run through
 * {@link RawSql}, rows mapped by the entity's metadata; built on first use, once per DataSource.
 */
@Injectable()
export class WebhookInboxRepository {
  private readonly sql: RawSql;
  private built: Built | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sql = new RawSql(dataSource);
  }

  /** Inserts unless the dedupe key exists (see INBOX_INSERT); returns whether this call wrote the row. */
  async insert(row: NewInboxRow): Promise<boolean> {
    const entity = Object.assign(new WebhookInboxEntity(), {
      id: row.id,
      dedupeKey: row.dedupeKey,
      trigger: row.trigger,
      authId: row.authId,
      tokenId: row.tokenId,
      project: row.project,
      payload: row.payload,
      source: row.source,
      status: row.status,
      attempts: 0,
      nextAttemptAt: row.receivedAt,
      lockedUntil: null,
      lastError: row.note ?? null,
      receivedAt: row.receivedAt,
      processedAt: null,
    });
    return (await this.statements().insert.execute(entity)).length === 1;
  }

  async claim(now: Date, leaseMs: number, limit: number): Promise<WebhookInboxEntity[]> {
    const { q, rows } = this.statements();
    const claimed = await this.sql.rows(q.claim, [now.getTime(), now.getTime() + leaseMs, limit]);
    return claimed.map((row) => rows.fromRow(row));
  }

  /** Marks a claimed row done, only if this worker still holds its lease. */
  async complete(row: WebhookInboxEntity, now: Date, project: string | null): Promise<boolean> {
    const { text, values } = this.completeStep(row, now, project);
    return (await this.sql.rows(text, values)).length > 0;
  }

  /** {@link complete} as a statement of the caller's atomic unit: whether this worker's lease marked it done. */
  *completeSteps(row: WebhookInboxEntity, now: Date, project: string | null): SqlSteps<boolean> {
    return (yield this.completeStep(row, now, project)).length > 0;
  }

  /** Runs `work`'s statements in one transaction (`RawSql.atomic`): the processor's batch of writes. */
  atomic<T>(work: AtomicWork<T>): Promise<T> {
    return this.sql.atomic(work);
  }

  private completeStep(row: WebhookInboxEntity, now: Date, project: string | null): SqlStep {
    return {
      text: this.statements().q.complete,
      values: [row.id, row.lockedUntil?.getTime() ?? null, now.getTime(), project],
    };
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
    return this.settle(this.statements().q.fail, row, [
      retryAt ? 'pending' : givenUp,
      (retryAt ?? row.nextAttemptAt).getTime(),
      error.slice(0, 500),
    ]);
  }

  /** Gives back a claimed row without processing it (due again at once), only if this worker holds its lease. */
  async release(row: WebhookInboxEntity): Promise<boolean> {
    return this.settle(this.statements().q.release, row, []);
  }

  async findById(id: string): Promise<WebhookInboxEntity | null> {
    const { q, rows } = this.statements();
    const [row] = await this.sql.rows(q.findById, [id]);
    return row ? rows.fromRow(row) : null;
  }

  /** Puts a row back in the queue as new. */
  async replay(id: string, now: Date): Promise<boolean> {
    return (await this.sql.rows(this.statements().q.replay, [id, now.getTime()])).length > 0;
  }

  async list(filter: {
    status?: InboxStatus;
    after?: KeysetPosition;
    limit: number;
  }): Promise<WebhookInboxEntity[]> {
    const { q, rows } = this.statements();
    const values: unknown[] = [filter.limit];
    if (filter.status) values.push(filter.status);
    if (filter.after) values.push(filter.after.createdAt, filter.after.id);
    const found = await this.sql.rows(q.list(inboxListKey(filter)), values);
    return found.map((row) => rows.fromRow(row));
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.sql.rows(this.statements().q.countByStatus);
    return Object.fromEntries(rows.map((r) => [String(r.status), Number(r.n)]));
  }

  /** Rows the processor has not settled yet (pending or processing), and when the oldest of them arrived. */
  async backlog(): Promise<{ count: number; oldestReceivedAt: Date | null }> {
    const [row] = await this.sql.rows(this.statements().q.backlog);
    const oldest = row?.oldest;
    return {
      count: Number(row?.n ?? 0),
      oldestReceivedAt: oldest === null || oldest === undefined ? null : new Date(Number(oldest)),
    };
  }

  /** Runs a settle statement whose `$1`, `$2` are the row id and the lease this worker holds. */
  private async settle(text: string, row: WebhookInboxEntity, values: unknown[]): Promise<boolean> {
    const settled = await this.sql.rows(text, [row.id, row.lockedUntil?.getTime() ?? null, ...values]);
    return settled.length > 0;
  }

  private statements(): Built {
    this.built ??= {
      q: inboxStatements(this.dataSource),
      rows: entityRows(this.dataSource, WebhookInboxEntity),
      insert: new RawInsert(this.sql, WebhookInboxEntity, INBOX_INSERT),
    };
    return this.built;
  }
}
