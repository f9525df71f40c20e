import { truncateSqliteWal } from '@faceauth/core';
import { Injectable } from '@nestjs/common';
import { personalResultColumns } from './personal-columns';
import * as q from './result-cleanup.sql';
import { ms, SqlRunner } from './sql-runner';

/** A result claimed by one worker; `lease` fences every later write. */
export interface ClaimedResult {
  authId: string;
  project: string;
  createdAt: number;
  forcedDueAt: number | null;
  argosDeletedAt: number | null;
  purgedAt: number | null;
  /** A DELETE may have reached Argos (sent, answer unknown). */
  deleteSentAt: number | null;
  attempts: number;
  firstFailureAt: number | null;
  lease: number;
}

export interface OverdueResult {
  authId: string;
  project: string;
  createdAt: number;
  forcedDueAt: number | null;
  attempts: number;
  nextAttemptAt: number | null;
  failedAt: number | null;
  lastError: string | null;
  argosDeleted: boolean;
  purged: boolean;
}

export interface HoldState {
  authId: string;
  createdAt: number;
  forcedDueAt: number | null;
  legalHold: boolean;
  argosDeleted: boolean;
  purged: boolean;
  deleteSent: boolean;
  leaseUntil: number | null;
}

/** A result of a person that is not deleted yet. */
export interface UserPendingResult {
  authId: string;
  legalHold: boolean;
  /** The stable code of the last failed deletion, if any. */
  lastError: string | null;
}

/** `faceauth_results` as the cleanup sees it. Instants are epoch ms; `cutoff` = created at or before is due. */
@Injectable()
export class ResultCleanupRepository {
  private readonly personalColumns: string[];

  constructor(private readonly sql: SqlRunner) {
    this.personalColumns = personalResultColumns(sql.dataSource);
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
    const rows = await this.sql.rows(q.claimSql(this.sql.skipLocked, authUserId !== undefined), params);
    return rows.map(toClaimed).sort((a, b) => a.createdAt - b.createdAt || (a.authId < b.authId ? -1 : 1));
  }

  async markSent(row: ClaimedResult, now: number): Promise<boolean> {
    return (await this.sql.rows(q.MARK_SENT, [row.authId, now, row.lease])).length === 1;
  }

  /**
   * Records that Argos deleted these results (all claimed together, with one lease); returns the ids
   * whose state changed (the others were taken over by another worker, or already recorded).
   */
  async markArgosDeleted(authIds: string[], lease: number, now: number): Promise<string[]> {
    if (authIds.length === 0) return [];
    return ids(await this.sql.rows(q.markArgosDeletedSql(authIds.length), [now, lease, ...authIds]));
  }

  /**
   * After an erasure: empties SQLite's write-ahead log, which still holds the erased values in old page
   * images (see `truncateSqliteWal`). False when another process's reader kept part of it.
   */
  flushErased(): Promise<boolean> {
    return truncateSqliteWal(this.sql.dataSource);
  }

  /** Clears every personal field and releases the claim, for results Argos already deleted; returns the purged ids. */
  async purge(authIds: string[], lease: number, now: number): Promise<string[]> {
    if (authIds.length === 0) return [];
    return ids(
      await this.sql.rows(q.purgeSql(this.personalColumns, authIds.length), [now, lease, ...authIds]),
    );
  }

  async release(authIds: string[], lease: number): Promise<void> {
    if (authIds.length > 0) await this.sql.rows(q.releaseSql(authIds.length), [lease, ...authIds]);
  }

  async scheduleRetry(
    row: ClaimedResult,
    retryAt: number,
    now: number,
    errorCode: string,
    keepSent: boolean,
  ): Promise<boolean> {
    return (
      (await this.sql.rows(q.scheduleRetrySql(keepSent), [row.authId, retryAt, now, errorCode, row.lease]))
        .length === 1
    );
  }

  async markFailed(row: ClaimedResult, now: number, errorCode: string, keepSent: boolean): Promise<boolean> {
    return (
      (await this.sql.rows(q.markFailedSql(keepSent), [row.authId, now, errorCode, row.lease])).length === 1
    );
  }

  async retryFailed(): Promise<number> {
    return (await this.sql.rows(q.RETRY_FAILED)).length;
  }

  /** Marks a user's pending results due now; returns their ids. */
  async markUserDue(authUserId: string, now: number): Promise<string[]> {
    return (await this.sql.rows(q.MARK_USER_DUE, [authUserId, now])).map((r) => String(r.auth_id));
  }

  /** A person's results not yet deleted at Argos and purged here, with why (a hold, the last error). */
  async listUserPending(authUserId: string): Promise<UserPendingResult[]> {
    return (await this.sql.rows(q.USER_PENDING, [authUserId])).map((r) => ({
      authId: String(r.auth_id),
      legalHold: r.legal_hold === true || Number(r.legal_hold) === 1,
      lastError:
        r.cleanup_last_error === null || r.cleanup_last_error === undefined
          ? null
          : String(r.cleanup_last_error),
    }));
  }

  async countDue(now: number, cutoff: number): Promise<number> {
    return this.count(q.DUE, now, cutoff);
  }

  async countOverdue(now: number, cutoff: number): Promise<number> {
    return this.count(q.OVERDUE, now, cutoff);
  }

  async countHeld(now: number, cutoff: number): Promise<number> {
    return this.count(q.HELD, now, cutoff);
  }

  /** Results not purged that name no person and no link. */
  async countUnknownPerson(): Promise<number> {
    return Number((await this.sql.rows(q.COUNT_UNKNOWN_PERSON))[0]?.n ?? 0);
  }

  async countFailed(): Promise<number> {
    return Number(
      (
        await this.sql.rows('SELECT COUNT(*) AS n FROM faceauth_results WHERE cleanup_failed_at IS NOT NULL')
      )[0]?.n ?? 0,
    );
  }

  /** Overdue results, oldest first (failed ones included: they stay overdue until deleted). */
  async listOverdue(now: number, cutoff: number, limit: number): Promise<OverdueResult[]> {
    const rows = await this.sql.rows(
      `SELECT ${q.OVERDUE_COLUMNS} FROM faceauth_results WHERE ${q.OVERDUE} ORDER BY created_at, auth_id LIMIT $3`,
      [now, cutoff, limit],
    );
    return rows.map((r) => ({
      authId: String(r.auth_id),
      project: String(r.project),
      createdAt: Number(r.created_at),
      forcedDueAt: ms(r.cleanup_due_at),
      attempts: Number(r.cleanup_attempts ?? 0),
      nextAttemptAt: ms(r.cleanup_next_at),
      failedAt: ms(r.cleanup_failed_at),
      lastError:
        r.cleanup_last_error === null || r.cleanup_last_error === undefined
          ? null
          : String(r.cleanup_last_error),
      argosDeleted: r.argos_deleted_at !== null && r.argos_deleted_at !== undefined,
      purged: r.purged_at !== null && r.purged_at !== undefined,
    }));
  }

  async setLegalHold(authId: string, now: number): Promise<boolean> {
    return (await this.sql.rows(q.SET_LEGAL_HOLD, [authId, now])).length === 1;
  }

  async clearLegalHold(authId: string, now: number): Promise<boolean> {
    return (await this.sql.rows(q.CLEAR_LEGAL_HOLD, [authId, now])).length === 1;
  }

  async holdState(authId: string): Promise<HoldState | null> {
    const row = (await this.sql.rows(q.HOLD_STATE, [authId]))[0];
    if (!row) return null;
    return {
      authId: String(row.auth_id),
      createdAt: Number(row.created_at),
      forcedDueAt: ms(row.cleanup_due_at),
      legalHold: row.legal_hold === true || Number(row.legal_hold) === 1,
      argosDeleted: ms(row.argos_deleted_at) !== null,
      purged: ms(row.purged_at) !== null,
      deleteSent: ms(row.argos_delete_sent_at) !== null,
      leaseUntil: ms(row.cleanup_lease_until),
    };
  }

  private async count(predicate: string, now: number, cutoff: number): Promise<number> {
    return Number(
      (await this.sql.rows(`SELECT COUNT(*) AS n FROM faceauth_results WHERE ${predicate}`, [now, cutoff]))[0]
        ?.n ?? 0,
    );
  }
}

const ids = (rows: Record<string, unknown>[]): string[] => rows.map((r) => String(r.auth_id));

function toClaimed(r: Record<string, unknown>): ClaimedResult {
  return {
    authId: String(r.auth_id),
    project: String(r.project),
    createdAt: Number(r.created_at),
    forcedDueAt: ms(r.cleanup_due_at),
    argosDeletedAt: ms(r.argos_deleted_at),
    purgedAt: ms(r.purged_at),
    deleteSentAt: ms(r.argos_delete_sent_at),
    attempts: Number(r.cleanup_attempts ?? 0),
    firstFailureAt: ms(r.cleanup_first_failure_at),
    lease: Number(r.cleanup_lease_until),
  };
}
