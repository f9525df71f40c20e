import { Injectable } from '@nestjs/common';
import { Clock, decodeKeysetCursor, encodeKeysetCursor } from '@faceauth/core';
import { AuditAction, AuditOutcome, CleanupAuditEntity } from '../persistence/cleanup-audit.entity';
import { CleanupAuditRepository } from '../persistence/cleanup-audit.repository';
import { CleanupRunEntity } from '../persistence/cleanup-run.entity';
import { CleanupRunRepository } from '../persistence/cleanup-run.repository';
import { ExpiredRowsRepository } from '../persistence/expired-rows.repository';
import { OverdueResult, ResultCleanupRepository } from '../persistence/result-cleanup.repository';
import {
  resultDeadline,
  retentionCutoffs,
  RetentionSchedule,
  retentionSchedule,
} from '../policy/retention-policy';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';

/** One result past its deadline. `failed` = given up and reported; otherwise waiting for a run or a retry. */
export interface OverdueResultView extends Omit<
  OverdueResult,
  'createdAt' | 'forcedDueAt' | 'nextAttemptAt' | 'failedAt'
> {
  deadline: Date;
  reason: 'retention' | 'user_request';
  nextAttemptAt: Date | null;
  failedAt: Date | null;
}

/** What is past its retention right now: after a successful run every figure is 0. */
export interface OverdueReport {
  results: number;
  /** Of `results`, deletions given up after the retry period (they need an operator). */
  failed: number;
  tokens: number;
  inboxRows: number;
  /**
   * Results kept here whose person is unknown (no person fields, no link): "forget this user" cannot find
   * them, only the retention schedule deletes them.
   */
  unknownPerson: number;
  /** The oldest overdue results. */
  items: OverdueResultView[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Read side of the cleanup for operators: overdue figures, runs, the audit trail, the schedule. */
@Injectable()
export class CleanupReportService {
  constructor(
    private readonly results: ResultCleanupRepository,
    private readonly expired: ExpiredRowsRepository,
    private readonly runs: CleanupRunRepository,
    private readonly audit: CleanupAuditRepository,
    private readonly clock: Clock,
    @InjectRetentionOptions() private readonly options: ResolvedRetentionOptions,
  ) {}

  async overdue(limit = 50): Promise<OverdueReport> {
    const c = retentionCutoffs(this.clock.now(), this.options);
    const rows = await this.results.listOverdue(c.now, c.results, limit);
    return {
      results: await this.results.countOverdue(c.now, c.results),
      failed: await this.results.countFailed(),
      tokens: await this.expired.countTokens(c.tokens),
      inboxRows: await this.expired.countInbox(c.inbox),
      unknownPerson: await this.results.countUnknownPerson(),
      items: rows.map((r) => ({
        authId: r.authId,
        project: r.project,
        deadline: new Date(resultDeadline(r.createdAt, r.forcedDueAt, this.options)),
        reason: r.forcedDueAt !== null ? 'user_request' : 'retention',
        attempts: r.attempts,
        nextAttemptAt: r.nextAttemptAt === null ? null : new Date(r.nextAttemptAt),
        failedAt: r.failedAt === null ? null : new Date(r.failedAt),
        lastError: r.lastError,
        argosDeleted: r.argosDeleted,
        purged: r.purged,
      })),
    };
  }

  /**
   * Results whose deletion deadline passed more than `graceMs` ago and that are still not deleted (held ones
   * excluded): one indexed COUNT, the same statement as the `overdue` figure, with every deadline moved by the grace.
   */
  async countOverdueBeyond(graceMs: number): Promise<number> {
    const c = retentionCutoffs(this.clock.now(), this.options);
    return this.results.countOverdue(c.now - graceMs, c.results - graceMs);
  }

  async listRuns(query: { cursor?: string; limit?: number }): Promise<Page<CleanupRunEntity>> {
    const limit = query.limit ?? 50;
    const rows = await this.runs.list({
      after: query.cursor ? decodeKeysetCursor(query.cursor) : undefined,
      limit: limit + 1,
    });
    return page(rows, limit, (r) => encodeKeysetCursor(r.startedAt, r.id));
  }

  async listAudit(query: {
    authId?: string;
    action?: AuditAction;
    outcome?: AuditOutcome;
    cursor?: string;
    limit?: number;
  }): Promise<Page<CleanupAuditEntity>> {
    const limit = query.limit ?? 50;
    const rows = await this.audit.list({
      subjectId: query.authId,
      action: query.action,
      outcome: query.outcome,
      after: query.cursor ? decodeKeysetCursor(query.cursor) : undefined,
      limit: limit + 1,
    });
    return page(rows, limit, (r) => encodeKeysetCursor(r.at, r.id));
  }

  schedule(): RetentionSchedule {
    return retentionSchedule(this.options);
  }
}

function page<T>(rows: T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
