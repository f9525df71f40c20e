import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  databaseKind,
  EntityRows,
  entityRows,
  insertStatement,
  InsertStatement,
  KeysetPosition,
  RawSql,
  SqlStep,
} from '@faceauth/core';
import { NotificationEndpointEntity } from './notification-endpoint.entity';
import { NotificationOutboxEntity } from './notification-outbox.entity';
import { DELIVERIES_AFTER, notificationStatements } from './notifications.sql';

type Row = Record<string, unknown>;

interface Built {
  q: ReturnType<typeof notificationStatements>;
  endpoints: EntityRows<NotificationEndpointEntity>;
  outbox: EntityRows<NotificationOutboxEntity>;
  insertEndpoint: InsertStatement<NotificationEndpointEntity>;
  insertOutbox: InsertStatement<NotificationOutboxEntity>;
}

/** A delivery that got a 2xx, to settle as delivered (see `deliveredAll`). */
export interface DeliveredSettlement {
  row: NotificationOutboxEntity;
  at: Date;
  statusCode: number | null;
  excerpt: string | null;
}

/** How long the enabled endpoints are kept between reads (outside a caller's transaction). */
export const SUBSCRIBERS_TTL_MS = 1_000;

/** An enabled endpoint as `enqueue` sees it. */
export interface Subscriber {
  id: string;
  /** Null: every type. */
  eventTypes: string[] | null;
}

/**
 * `$n` placeholders to `?` in order of appearance, with the values laid out to match: what a statement
 * needs to run through a TypeORM `EntityManager` on SQLite (RawSql does the same on its own connection).
 */
function forSqlite(text: string, values: readonly unknown[]): [string, unknown[]] {
  const laidOut: unknown[] = [];
  const sql = text.replace(/\$(\d+)/g, (_m, n: string) => {
    const value = values[Number(n) - 1];
    laidOut.push(typeof value === 'boolean' ? (value ? 1 : 0) : value === undefined ? null : value);
    return '?';
  });
  return [sql, laidOut];
}

/**
 * `faceauth_notification_endpoints` and `faceauth_notification_outbox`: raw statements (notifications.sql.ts) through
 * {@link RawSql}, rows mapped by the entities' metadata. The outbox writes of `enqueue` can instead run on a
 * caller's `EntityManager`, i.e. inside the caller's transaction.
 */
@Injectable()
export class NotificationsRepository {
  private readonly sql: RawSql;
  private built: Built | null = null;
  /** The enabled endpoints, kept {@link SUBSCRIBERS_TTL_MS} (read on every event otherwise). */
  private subscribersCache: { until: number; list: Subscriber[] } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sql = new RawSql(dataSource);
  }

  // --- endpoints ---

  async insertEndpoint(endpoint: NotificationEndpointEntity): Promise<void> {
    this.subscribersCache = null;
    const { insertEndpoint } = this.statements();
    await this.sql.rows(insertEndpoint.text, insertEndpoint.values(endpoint));
  }

  async findEndpoint(id: string): Promise<NotificationEndpointEntity | null> {
    const { q, endpoints } = this.statements();
    const [row] = await this.sql.rows(q.endpointById, [id]);
    return row ? endpoints.fromRow(row) : null;
  }

  async listEndpoints(limit: number): Promise<NotificationEndpointEntity[]> {
    const { q, endpoints } = this.statements();
    return (await this.sql.rows(q.endpointList, [limit])).map((row) => endpoints.fromRow(row));
  }

  async updateEndpoint(endpoint: NotificationEndpointEntity): Promise<NotificationEndpointEntity | null> {
    this.subscribersCache = null;
    const { q, endpoints } = this.statements();
    const [row] = await this.sql.rows(q.endpointUpdate, [
      endpoint.id,
      endpoint.url,
      endpoint.description,
      endpoint.eventTypes === null ? null : JSON.stringify(endpoint.eventTypes),
      endpoint.enabled,
      endpoint.consecutiveFailures,
      endpoint.disabledReason,
      endpoint.updatedAt.getTime(),
    ]);
    return row ? endpoints.fromRow(row) : null;
  }

  /** Swaps the secret, the one read becoming previous; null when another rotation came first. */
  async rotateSecret(
    endpoint: NotificationEndpointEntity,
    secret: string,
    previousExpiresAt: Date,
    now: Date,
  ): Promise<NotificationEndpointEntity | null> {
    const { q, endpoints } = this.statements();
    const [row] = await this.sql.rows(q.endpointRotate, [
      endpoint.id,
      secret,
      endpoint.secret,
      previousExpiresAt.getTime(),
      now.getTime(),
    ]);
    return row ? endpoints.fromRow(row) : null;
  }

  /** Deletes the endpoint and its deliveries, atomically. */
  async deleteEndpoint(id: string): Promise<boolean> {
    this.subscribersCache = null;
    const { q } = this.statements();
    return this.dataSource.transaction(async (manager) => {
      await this.run(manager, q.endpointDeliveriesDelete, [id]);
      return (await this.run(manager, q.endpointDelete, [id])).length > 0;
    });
  }

  async endpointSucceeded(id: string): Promise<void> {
    await this.sql.rows(this.statements().q.endpointSucceeded, [id]);
  }

  /** One more failed delivery in a row; whether the endpoint is now disabled. */
  async endpointFailed(id: string, disableAfter: number, reason: string, now: Date): Promise<boolean> {
    this.subscribersCache = null;
    const [row] = await this.sql.rows(this.statements().q.endpointFailed, [
      id,
      disableAfter,
      reason,
      now.getTime(),
    ]);
    return row !== undefined && !(row.enabled === true || Number(row.enabled) === 1);
  }

  // --- outbox ---

  /**
   * Enabled endpoints: read on `manager` when given (the caller's transaction); otherwise kept for
   * {@link SUBSCRIBERS_TTL_MS}, so that events on a hot path (every processed webhook) do not each read the
   * endpoints. A change made through this process is seen at once; one made by another instance within the TTL.
   */
  async subscribers(manager?: EntityManager): Promise<Subscriber[]> {
    const cached = this.subscribersCache;
    if (!manager && cached && cached.until > Date.now()) return cached.list;
    const rows = await this.run(manager, this.statements().q.subscribers, []);
    const list = rows.map((row) => ({
      id: String(row.id),
      eventTypes: row.event_types == null ? null : (JSON.parse(String(row.event_types)) as string[]),
    }));
    if (!manager) this.subscribersCache = { until: Date.now() + SUBSCRIBERS_TTL_MS, list };
    return list;
  }

  /** The statements that write `rows`, for the caller's atomic unit. */
  deliveryInserts(rows: readonly NotificationOutboxEntity[]): SqlStep[] {
    const { insertOutbox } = this.statements();
    return rows.map((row) => ({ text: insertOutbox.text, values: insertOutbox.values(row) }));
  }

  /** Writes deliveries, on `manager` when given (the caller's transaction). */
  async insertDeliveries(rows: NotificationOutboxEntity[], manager?: EntityManager): Promise<void> {
    const { insertOutbox } = this.statements();
    for (const row of rows) await this.run(manager, insertOutbox.text, insertOutbox.values(row));
  }

  /** Deliveries not settled yet (pending or being delivered), and the earliest next attempt among them. */
  async backlog(): Promise<{ waiting: number; oldestNextAttemptAt: Date | null }> {
    const [row] = await this.sql.rows(this.statements().q.backlog);
    const oldest = row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest);
    return {
      waiting: Number(row?.waiting ?? 0),
      oldestNextAttemptAt: oldest === null ? null : new Date(oldest),
    };
  }

  async claim(now: Date, leaseMs: number, limit: number): Promise<NotificationOutboxEntity[]> {
    const { q, outbox } = this.statements();
    const rows = await this.sql.rows(q.claim, [now.getTime(), now.getTime() + leaseMs, limit]);
    return rows.map((row) => outbox.fromRow(row));
  }

  /**
   * Settles claimed deliveries as delivered in one transaction (`RawSql.atomic`), each only if this worker
   * still holds its lease; returns how many it held.
   */
  async deliveredAll(settlements: readonly DeliveredSettlement[]): Promise<number> {
    const { q } = this.statements();
    return this.sql.atomic(function* () {
      let held = 0;
      for (const { row, at, statusCode, excerpt } of settlements) {
        const rows = yield {
          text: q.delivered,
          values: [row.id, row.lockedUntil?.getTime() ?? null, at.getTime(), statusCode, excerpt],
        };
        if (rows.length > 0) held++;
      }
      return held;
    });
  }

  /** Gives back a claimed delivery without an attempt (due again at once), only while holding the lease. */
  async release(row: NotificationOutboxEntity): Promise<boolean> {
    return this.settle(this.statements().q.release, row, []);
  }

  /** Schedules the next attempt (`retryAt`) or gives up (null: failed), only while holding the lease. */
  async attemptFailed(
    row: NotificationOutboxEntity,
    retryAt: Date | null,
    statusCode: number | null,
    error: string,
    excerpt: string | null,
  ): Promise<boolean> {
    return this.settle(this.statements().q.attemptFailed, row, [
      retryAt ? 'pending' : 'failed',
      (retryAt ?? row.nextAttemptAt).getTime(),
      statusCode,
      error.slice(0, 200),
      excerpt,
    ]);
  }

  async findDelivery(id: string): Promise<NotificationOutboxEntity | null> {
    const { q, outbox } = this.statements();
    const [row] = await this.sql.rows(q.deliveryById, [id]);
    return row ? outbox.fromRow(row) : null;
  }

  async listDeliveries(
    endpointId: string,
    after: KeysetPosition | null,
    limit: number,
  ): Promise<NotificationOutboxEntity[]> {
    const { q, outbox } = this.statements();
    const values: unknown[] = [limit, endpointId];
    if (after) values.push(after.createdAt, after.id);
    const rows = await this.sql.rows(q.deliveries(after ? DELIVERIES_AFTER : 0), values);
    return rows.map((row) => outbox.fromRow(row));
  }

  /** A new attempt series for a delivered or failed delivery; null if it is neither. */
  async replay(id: string, now: Date): Promise<NotificationOutboxEntity | null> {
    const { q, outbox } = this.statements();
    const [row] = await this.sql.rows(q.replay, [id, now.getTime()]);
    return row ? outbox.fromRow(row) : null;
  }

  private async settle(text: string, row: NotificationOutboxEntity, values: unknown[]): Promise<boolean> {
    const settled = await this.sql.rows(text, [row.id, row.lockedUntil?.getTime() ?? null, ...values]);
    return settled.length > 0;
  }

  /** A statement on `manager` (its transaction, if any) or, without one, through RawSql. */
  private async run(manager: EntityManager | undefined, text: string, values: unknown[]): Promise<Row[]> {
    if (!manager) return this.sql.rows(text, values);
    const [sql, params] =
      databaseKind(this.dataSource) === 'sqlite' ? forSqlite(text, values) : [text, values];
    const result: unknown = await manager.query(sql, params);
    // TypeORM returns `[rows, count]` for UPDATE/DELETE … RETURNING on PostgreSQL.
    if (
      Array.isArray(result) &&
      result.length === 2 &&
      Array.isArray(result[0]) &&
      typeof result[1] === 'number'
    ) {
      return result[0] as Row[];
    }
    return Array.isArray(result) ? (result as Row[]) : [];
  }

  private statements(): Built {
    this.built ??= {
      q: notificationStatements(this.dataSource),
      endpoints: entityRows(this.dataSource, NotificationEndpointEntity),
      outbox: entityRows(this.dataSource, NotificationOutboxEntity),
      insertEndpoint: insertStatement(this.dataSource, NotificationEndpointEntity),
      // A repeated event (same id, same endpoint) writes nothing: producers may repeat their events.
      insertOutbox: insertStatement(this.dataSource, NotificationOutboxEntity, {
        conflict: { target: ['endpoint_id', 'event_id'] },
      }),
    };
    return this.built;
  }
}
