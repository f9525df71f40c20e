import { Injectable } from '@nestjs/common';
import { SqlRunner } from './sql-runner';

/**
 * Links that ended at or before $1: revoked, expired by Argos, never used before their expiry, past their
 * time window, or used up (count links, measured from their first use: the last use is not recorded).
 * Every such end is after creation, hence the `created_at` bound that lets the index narrow the scan.
 */
const ENDED_TOKENS = `created_at <= $1 AND (
  revoked_at <= $1
  OR expired_at <= $1
  OR (use_count = 0 AND expires_at <= $1)
  OR (policy_mode = 'time' AND window_ends_at <= $1)
  OR (policy_mode = 'count' AND use_count >= max_uses AND first_used_at <= $1))`;

/** Inbox rows settled at or before $1 (processing never ends before receipt, hence the index bound). */
const SETTLED_INBOX = `received_at <= $1 AND status IN ('done', 'ignored', 'dead') AND COALESCE(processed_at, received_at) <= $1`;

/** Deletion of rows past their retention, in bounded batches. */
@Injectable()
export class ExpiredRowsRepository {
  constructor(private readonly sql: SqlRunner) {}

  async deleteTokens(cutoff: number, limit: number): Promise<number> {
    return this.deleteBatch('faceauth_tokens', 'id', ENDED_TOKENS, cutoff, limit);
  }

  async deleteInbox(cutoff: number, limit: number): Promise<number> {
    return this.deleteBatch('webhook_inbox', 'id', SETTLED_INBOX, cutoff, limit);
  }

  async countTokens(cutoff: number): Promise<number> {
    return this.count('faceauth_tokens', ENDED_TOKENS, cutoff);
  }

  async countInbox(cutoff: number): Promise<number> {
    return this.count('webhook_inbox', SETTLED_INBOX, cutoff);
  }

  private async deleteBatch(
    table: string,
    key: string,
    predicate: string,
    cutoff: number,
    limit: number,
  ): Promise<number> {
    const rows = await this.sql.rows(
      `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${predicate} LIMIT $2${this.sql.skipLocked}) RETURNING ${key}`,
      [cutoff, limit],
    );
    return rows.length;
  }

  private async count(table: string, predicate: string, cutoff: number): Promise<number> {
    return Number(
      (await this.sql.rows(`SELECT COUNT(*) AS n FROM ${table} WHERE ${predicate}`, [cutoff]))[0]?.n ?? 0,
    );
  }
}
