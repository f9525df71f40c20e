import { truncateSqliteWal } from '@faceauth/core';
import { Injectable } from '@nestjs/common';
import { resultCleanupStatements } from './result-cleanup.sql';
import {
  authIds,
  ClaimedResult,
  HoldState,
  OverdueResult,
  toClaimed,
  toHoldState,
  toOverdue,
  toUserPending,
  UserPendingResult,
} from './result-cleanup.rows';
import { SqlRunner } from './sql-runner';

export type { ClaimedResult, HoldState, OverdueResult, UserPendingResult } from './result-cleanup.rows';

const countOf = (rows: Record<string, unknown>[]): number => Number(rows[0]?.n ?? 0);

/** `faceauth_results` as the cleanup sees it. Instants are epoch ms; `cutoff` = created at or before is due. */
@Injectable()
export class ResultCleanupRepository {
  private readonly q: ReturnType<typeof resultCleanupStatements>;

  constructor(private readonly sql: SqlRunner) {
    this.q = resultCleanupStatements(sql.dataSource);
  }

  async claim(
    now: number,
    cutoff: number,
    leaseUntil: number,
    limit: number,
    authUserId?: string,
  ): Promise<ClaimedResult[]> {
    const params: unknown[] = [now, cutoff, leaseUntil, limit];
    if (authUserId !== undefined) params.push(authUserId);
    const rows = await this.sql.rows(authUserId !== undefined ? this.q.claimForUser : this.q.claim, params);
    return rows.map(toClaimed).sort((a, b) => a.createdAt - b.createdAt || (a.authId < b.authId ? -1 : 1));
  }

  async markSent(row: ClaimedResult, now: number): Promise<boolean> {
    return (await this.sql.rows(this.q.markSent, [row.authId, now, row.lease])).length === 1;
  }

  /**
   * Records that Argos deleted these results (all claimed together, with one lease); returns the ids
   * whose state changed (the others were taken over by another worker, or already recorded).
   */
  async markArgosDeleted(ids: string[], lease: number, now: number): Promise<string[]> {
    if (ids.length === 0) return [];
    return authIds(await this.sql.rows(this.q.markArgosDeleted(ids.length), [now, lease, ...ids]));
  }

  /**
   * After an erasure: empties SQLite's write-ahead log, which still holds the erased values in old page
   * images (see `truncateSqliteWal`). False when another process's reader kept part of it.
   */
  flushErased(): Promise<boolean> {
    return truncateSqliteWal(this.sql.dataSource);
  }

  /** Clears every personal field and releases the claim, for results Argos already deleted; returns the purged ids. */
  async purge(ids: string[], lease: number, now: number): Promise<string[]> {
    if (ids.length === 0) return [];
    return authIds(await this.sql.rows(this.q.purge(ids.length), [now, lease, ...ids]));
  }

  async release(ids: string[], lease: number): Promise<void> {
    if (ids.length > 0) await this.sql.rows(this.q.release(ids.length), [lease, ...ids]);
  }

  async scheduleRetry(
    row: ClaimedResult,
    retryAt: number,
    now: number,
    errorCode: string,
    keepSent: boolean,
  ): Promise<boolean> {
    const text = keepSent ? this.q.scheduleRetryKeepSent : this.q.scheduleRetry;
    return (await this.sql.rows(text, [row.authId, retryAt, now, errorCode, row.lease])).length === 1;
  }

  async markFailed(row: ClaimedResult, now: number, errorCode: string, keepSent: boolean): Promise<boolean> {
    const text = keepSent ? this.q.markFailedKeepSent : this.q.markFailed;
    return (await this.sql.rows(text, [row.authId, now, errorCode, row.lease])).length === 1;
  }

  async retryFailed(): Promise<number> {
    return (await this.sql.rows(this.q.retryFailed)).length;
  }

  /** Marks a user's pending results due now; returns their ids. */
  async markUserDue(authUserId: string, now: number): Promise<string[]> {
    return authIds(await this.sql.rows(this.q.markUserDue, [authUserId, now]));
  }

  /** A person's results not yet deleted at Argos and purged here, with why (a hold, the last error). */
  async listUserPending(authUserId: string): Promise<UserPendingResult[]> {
    return (await this.sql.rows(this.q.userPending, [authUserId])).map(toUserPending);
  }

  async countDue(now: number, cutoff: number): Promise<number> {
    return countOf(await this.sql.rows(this.q.countDue, [now, cutoff]));
  }

  async countOverdue(now: number, cutoff: number): Promise<number> {
    return countOf(await this.sql.rows(this.q.countOverdue, [now, cutoff]));
  }

  async countHeld(now: number, cutoff: number): Promise<number> {
    return countOf(await this.sql.rows(this.q.countHeld, [now, cutoff]));
  }

  /** Results not purged that name no person and no link. */
  async countUnknownPerson(): Promise<number> {
    return countOf(await this.sql.rows(this.q.countUnknownPerson));
  }

  async countFailed(): Promise<number> {
    return countOf(await this.sql.rows(this.q.countFailed));
  }

  /** Overdue results, oldest first (failed ones included: they stay overdue until deleted). */
  async listOverdue(now: number, cutoff: number, limit: number): Promise<OverdueResult[]> {
    return (await this.sql.rows(this.q.listOverdue, [now, cutoff, limit])).map(toOverdue);
  }

  async setLegalHold(authId: string, now: number): Promise<boolean> {
    return (await this.sql.rows(this.q.setLegalHold, [authId, now])).length === 1;
  }

  async clearLegalHold(authId: string, now: number): Promise<boolean> {
    return (await this.sql.rows(this.q.clearLegalHold, [authId, now])).length === 1;
  }

  async holdState(authId: string): Promise<HoldState | null> {
    const row = (await this.sql.rows(this.q.holdState, [authId]))[0];
    return row ? toHoldState(row) : null;
  }
}
