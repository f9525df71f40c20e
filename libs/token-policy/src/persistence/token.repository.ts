import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AtomicWork, EntityRows, entityRows, RawInsert, RawSql, SqlStep, SqlSteps } from '@faceauth/core';
import type { LinkOutcome } from '../outcome/link-outcome.type';
import { FaceAuthTokenEntity } from './faceauth-token.entity';
import { TokenListFilter, tokenListKey, tokenListValues } from './token-list.sql';
import { tokenStatements } from './token.sql';

interface Built {
  q: ReturnType<typeof tokenStatements>;
  rows: EntityRows<FaceAuthTokenEntity>;
  insert: RawInsert<FaceAuthTokenEntity>;
}

/**
 * `faceauth_tokens`, in one style: raw statements written once (token.sql.ts), run through {@link RawSql},
 * rows mapped by the entity's metadata. Statements and mapping are built on first use, once per DataSource.
 */
@Injectable()
export class TokenRepository {
  private readonly sql: RawSql;
  private built: Built | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sql = new RawSql(dataSource);
  }

  /** One INSERT of the complete row: no read-back, one cached statement text. */
  async insert(row: FaceAuthTokenEntity): Promise<void> {
    await this.statements().insert.execute(row);
  }

  findById(id: string): Promise<FaceAuthTokenEntity | null> {
    return this.findOne(this.statements().q.findById, id);
  }

  findByToken(token: string): Promise<FaceAuthTokenEntity | null> {
    return this.findOne(this.statements().q.findByToken, token);
  }

  /** Runs `work`'s statements in one transaction of this repository's connection(s) (`RawSql.atomic`). */
  atomic<T>(work: AtomicWork<T>): Promise<T> {
    return this.sql.atomic(work);
  }

  /** {@link findByToken} as a statement of the caller's atomic unit. */
  *findByTokenSteps(token: string): SqlSteps<FaceAuthTokenEntity | null> {
    const { q, rows } = this.statements();
    const [row] = yield { text: q.findByToken, values: [token] };
    return row ? rows.fromRow(row) : null;
  }

  /** {@link findById} as a statement of the caller's atomic unit. */
  *findByIdSteps(id: string): SqlSteps<FaceAuthTokenEntity | null> {
    const { q, rows } = this.statements();
    const [row] = yield { text: q.findById, values: [id] };
    return row ? rows.fromRow(row) : null;
  }

  findByIdempotencyKey(key: string): Promise<FaceAuthTokenEntity | null> {
    return this.findOne(this.statements().q.findByIdempotencyKey, key);
  }

  /**
   * Records one use atomically (see token.sql.ts); returns the updated row, or null when the token could
   * not be used (or this `useKey` was already recorded). A use key must not contain `,`, `%` or `_`.
   */
  async consume(token: string, now: Date, useKey = ''): Promise<FaceAuthTokenEntity | null> {
    const { text, values } = this.consumeStep(token, now, useKey);
    const [row] = await this.sql.rows(text, values);
    return row ? this.statements().rows.fromRow(row) : null;
  }

  /** {@link consume} as a statement of the caller's atomic unit. */
  *consumeSteps(token: string, now: Date, useKey = ''): SqlSteps<FaceAuthTokenEntity | null> {
    const [row] = yield this.consumeStep(token, now, useKey);
    return row ? this.statements().rows.fromRow(row) : null;
  }

  private consumeStep(token: string, now: Date, useKey: string): SqlStep {
    return { text: this.statements().q.consume, values: [token, now.getTime(), useKey] };
  }

  /**
   * Revokes; idempotent. A pending outcome becomes `outcome` (revoked, or the expiry it had reached), and
   * then the statements `announce` builds from the decided row (the outbox's) commit with it, in one
   * atomic unit. Returns whether this call revoked the link.
   */
  async revoke(
    id: string,
    now: Date,
    outcome: LinkOutcome,
    announce: (decided: FaceAuthTokenEntity) => SqlStep[] = () => [],
  ): Promise<boolean> {
    const { q, rows } = this.statements();
    const at = now.getTime();
    const deciding = [id, at, outcome.status, outcome.decidedAt?.getTime() ?? at, outcome.reason];
    return this.sql.atomic(function* () {
      const [decided] = yield { text: q.revokeDeciding, values: deciding };
      if (decided) {
        for (const step of announce(rows.fromRow(decided))) yield step;
        return true;
      }
      return (yield { text: q.revoke, values: [id, at] }).length > 0;
    });
  }

  /**
   * Decides the outcome from a result that counted for the link (see link-outcome.sql.ts), and writes the
   * statements `announce` builds from the decided row (the outbox's) with it, in one atomic unit. Returns the
   * updated row, or null when the outcome was already decided.
   */
  async decideByResult(
    id: string,
    authId: string,
    status: 'approved' | 'rejected',
    now: Date,
    announce: (decided: FaceAuthTokenEntity) => SqlStep[] = () => [],
  ): Promise<FaceAuthTokenEntity | null> {
    return this.sql.atomic(() => this.decideByResultSteps(id, authId, status, now, announce));
  }

  /** {@link decideByResult} as statements of the caller's atomic unit (the decision and its announcement). */
  *decideByResultSteps(
    id: string,
    authId: string,
    status: 'approved' | 'rejected',
    now: Date,
    announce: (decided: FaceAuthTokenEntity) => SqlStep[] = () => [],
  ): SqlSteps<FaceAuthTokenEntity | null> {
    const { q, rows } = this.statements();
    const [raw] = yield { text: q.decideByResult, values: [id, authId, status, now.getTime()] };
    if (!raw) return null;
    const decided = rows.fromRow(raw);
    for (const step of announce(decided)) yield step;
    return decided;
  }

  /** Argos reported the token expired; the first report's instant is kept. */
  async markExpired(token: string, at: Date): Promise<boolean> {
    const { text, values } = this.markExpiredStep(token, at);
    return (await this.sql.rows(text, values)).length > 0;
  }

  /** {@link markExpired} as a statement of the caller's atomic unit. */
  *markExpiredSteps(token: string, at: Date): SqlSteps<boolean> {
    return (yield this.markExpiredStep(token, at)).length > 0;
  }

  private markExpiredStep(token: string, at: Date): SqlStep {
    return { text: this.statements().q.markExpired, values: [token, at.getTime()] };
  }

  /** Pending links that can no longer be used by time, oldest deadline first (see link-outcome.sql.ts). */
  async expiredPending(now: Date, limit: number): Promise<FaceAuthTokenEntity[]> {
    const { q, rows } = this.statements();
    return (await this.sql.rows(q.expiredPending, [now.getTime(), limit])).map((row) => rows.fromRow(row));
  }

  /**
   * Records `outcome` if the link's outcome is still pending, and the statements `announce` builds from the
   * decided row (the outbox's) with it, in one atomic unit. The updated row, or null.
   */
  async decide(
    id: string,
    outcome: LinkOutcome,
    announce: (decided: FaceAuthTokenEntity) => SqlStep[] = () => [],
  ): Promise<FaceAuthTokenEntity | null> {
    const { q, rows } = this.statements();
    const values = [id, outcome.status, outcome.authId, outcome.decidedAt?.getTime() ?? null, outcome.reason];
    return this.sql.atomic(function* () {
      const [raw] = yield { text: q.decide, values };
      if (!raw) return null;
      const decided = rows.fromRow(raw);
      for (const step of announce(decided)) yield step;
      return decided;
    });
  }

  /** The ids among `ids` whose stored outcome is decided (one statement). */
  async decidedAmong(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.sql.rows(this.statements().q.decidedAmong(ids.length), [...ids]);
    return found.map((row) => String(row.id));
  }

  /** Newest first, keyset-paginated, filterable by the status derived at `now`. */
  async list(filter: TokenListFilter, now: Date): Promise<FaceAuthTokenEntity[]> {
    const { q, rows } = this.statements();
    const found = await this.sql.rows(q.list(tokenListKey(filter)), tokenListValues(filter, now));
    return found.map((row) => rows.fromRow(row));
  }

  private async findOne(text: string, value: string): Promise<FaceAuthTokenEntity | null> {
    const [row] = await this.sql.rows(text, [value]);
    return row ? this.statements().rows.fromRow(row) : null;
  }

  private statements(): Built {
    this.built ??= {
      q: tokenStatements(this.dataSource),
      rows: entityRows(this.dataSource, FaceAuthTokenEntity),
      insert: new RawInsert(this.sql, FaceAuthTokenEntity),
    };
    return this.built;
  }
}
