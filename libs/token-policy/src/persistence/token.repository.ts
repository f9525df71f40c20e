import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { RawInsert, RawSql } from '@faceauth/core';
import { FaceAuthTokenEntity } from './faceauth-token.entity';

import { TOKEN_COLUMNS, tokenFromRow } from './token-row.mapper';

/**
 * A use is recorded by ONE conditional statement: the row changes only if, at that instant, it is neither
 * revoked nor expired nor used up, and (when the use has a key) that key was not recorded before.
 * Concurrent consumers cannot both win; there is no select-then-update. The time window starts at the
 * first use. An Argos expiry (`expired_at`) refuses uses after it, except a first use reported by a
 * result (one with a use key): Argos expires a token only once it was used (count: at that use; time: a
 * window after it), so when its `token_expired` arrived before the result, that result is the use that
 * caused it. A short-link open is never such a use. Instants are epoch ms; `window_seconds` is widened to BIGINT.
 */
// One constant text per look-up: a statement text built per call would be hashed (and flattened) per call.
const FIND_ONE_SQL = {
  id: `SELECT ${TOKEN_COLUMNS} FROM faceauth_tokens WHERE id = $1 LIMIT 1`,
  token: `SELECT ${TOKEN_COLUMNS} FROM faceauth_tokens WHERE token = $1 LIMIT 1`,
  idempotency_key: `SELECT ${TOKEN_COLUMNS} FROM faceauth_tokens WHERE idempotency_key = $1 LIMIT 1`,
} as const;

const CONSUME_SQL = `
UPDATE faceauth_tokens SET
  use_count = use_count + 1,
  use_keys = CASE WHEN $3 = '' THEN use_keys ELSE use_keys || ',' || $3 || ',' END,
  first_used_at = COALESCE(first_used_at, $2),
  window_ends_at = CASE WHEN policy_mode = 'time'
    THEN COALESCE(window_ends_at, $2 + CAST(window_seconds AS BIGINT) * 1000) ELSE NULL END
WHERE token = $1
  AND ($3 = '' OR use_keys NOT LIKE '%,' || $3 || ',%')
  AND revoked_at IS NULL
  AND (expired_at IS NULL OR expired_at > $2 OR (use_count = 0 AND $3 <> ''))
  AND (use_count > 0 OR expires_at > $2)
  AND ((policy_mode = 'count' AND use_count < max_uses)
    OR (policy_mode = 'time' AND (window_ends_at IS NULL OR window_ends_at > $2)))
RETURNING ${TOKEN_COLUMNS}`;

@Injectable()
export class TokenRepository {
  private readonly sql: RawSql;
  private inserter: RawInsert<FaceAuthTokenEntity> | null = null;

  constructor(
    @InjectRepository(FaceAuthTokenEntity) readonly rows: Repository<FaceAuthTokenEntity>,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.sql = new RawSql(dataSource);
  }

  /** One INSERT of the complete row: no read-back, one cached statement text. */
  async insert(row: FaceAuthTokenEntity): Promise<void> {
    this.inserter ??= new RawInsert(this.sql, FaceAuthTokenEntity);
    await this.inserter.execute(row);
  }

  // Look-ups are on hot paths (short links, GET, webhooks): one raw statement each, mapped by hand,
  // instead of TypeORM's find machinery, which costs several times the query itself.
  findById(id: string): Promise<FaceAuthTokenEntity | null> {
    return this.findOneWhere('id', id);
  }

  findByToken(token: string): Promise<FaceAuthTokenEntity | null> {
    return this.findOneWhere('token', token);
  }

  findByIdempotencyKey(key: string): Promise<FaceAuthTokenEntity | null> {
    return this.findOneWhere('idempotency_key', key);
  }

  private async findOneWhere(
    column: 'id' | 'token' | 'idempotency_key',
    value: string,
  ): Promise<FaceAuthTokenEntity | null> {
    const rows = await this.sql.rows(FIND_ONE_SQL[column], [value]);
    return rows.length > 0 ? tokenFromRow(rows[0]) : null;
  }

  /**
   * Records one use atomically; returns the updated row, or null when the token could not be used (or
   * this `useKey` was already recorded). A use key must not contain `,`, `%` or `_`.
   */
  async consume(token: string, now: Date, useKey = ''): Promise<FaceAuthTokenEntity | null> {
    const rows = await this.sql.rows(CONSUME_SQL, [token, now.getTime(), useKey]);
    return rows.length > 0 ? tokenFromRow(rows[0]) : null;
  }

  /** Revokes; idempotent. Returns whether this call revoked it. */
  async revoke(id: string, now: Date): Promise<boolean> {
    const result = await this.rows
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => String(now.getTime()) })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Argos reported the token expired; the first report's instant is kept. */
  async markExpired(token: string, at: Date): Promise<boolean> {
    const result = await this.rows
      .createQueryBuilder()
      .update()
      .set({ expiredAt: () => String(at.getTime()) })
      .where('token = :token AND expired_at IS NULL', { token })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
