import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { nextRetryAt } from '../pacing/retry-backoff';
import { AuditReason } from '../persistence/cleanup-audit.entity';
import { AuditEntry, CleanupAuditRepository } from '../persistence/cleanup-audit.repository';
import { RunCounts } from '../persistence/cleanup-run.repository';
import { PersonalDataRedactor } from '../persistence/personal-data.redactor';
import { ClaimedResult, ResultCleanupRepository } from '../persistence/result-cleanup.repository';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';
import {
  ArgosDeletionOutcome,
  ArgosDeletionStep,
  ArgosStepFailure,
  ClaimLostError,
  failureCode,
} from './argos-deletion.step';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome' | 'errorCode' | 'at'>;

/**
 * Deletes one claimed batch of results: at Argos, one call per result (concurrently, under the rate cap),
 * then locally for the whole batch at once (the personal fields of the rows and of their stored webhook
 * events), with one audit row per result and step. Every step is conditional on the batch's claim and
 * idempotent, and each audit row is written after the effect it records was confirmed and before the
 * state that says so: a run killed at any point is completed by the next one without repeating a step,
 * and a DELETE whose answer was lost is looked up before it is ever sent again.
 */
@Injectable()
export class ResultDeletionWorker {
  private readonly logger = new Logger('Cleanup');

  constructor(
    private readonly argos: ArgosDeletionStep,
    private readonly results: ResultCleanupRepository,
    private readonly audit: CleanupAuditRepository,
    private readonly redactor: PersonalDataRedactor,
    private readonly clock: Clock,
    @InjectRetentionOptions() private readonly options: ResolvedRetentionOptions,
  ) {}

  /** Rows claimed together (one lease); adds what happened to `counts`. */
  async processBatch(rows: ClaimedResult[], runId: string | null, counts: RunCounts): Promise<void> {
    for (const lease of new Set(rows.map((r) => r.lease))) {
      await this.processClaim(
        rows.filter((r) => r.lease === lease),
        lease,
        runId,
        counts,
      );
    }
  }

  private async processClaim(
    rows: ClaimedResult[],
    lease: number,
    runId: string | null,
    counts: RunCounts,
  ): Promise<void> {
    const confirmed = new Map<string, ArgosDeletionOutcome>();
    await this.pool(
      rows.filter((r) => r.argosDeletedAt === null),
      async (row) => {
        const outcome = await this.deleteAtArgos(row, runId, counts);
        if (outcome) confirmed.set(row.authId, outcome);
      },
    );
    const at = this.now();
    await this.audit.recordMany(
      [...confirmed].map(([authId, outcome]) => ({
        ...this.base(rowOf(rows, authId), runId),
        action: 'argos_delete',
        outcome,
        errorCode: null,
        at,
      })),
    );
    const marked = new Set(await this.results.markArgosDeleted([...confirmed.keys()], lease, at));
    for (const authId of marked) {
      if (confirmed.get(authId) === 'already_gone') counts.alreadyGone += 1;
      else counts.argosDeleted += 1;
    }
    const goneAtArgos = rows.filter((r) => r.argosDeletedAt !== null || marked.has(r.authId));
    const toPurge = goneAtArgos.filter((r) => r.purgedAt === null).map((r) => r.authId);
    await this.redactor.redactInbox(toPurge);
    const purgedAt = this.now();
    await this.audit.recordMany(
      toPurge.map((authId) => ({
        ...this.base(rowOf(rows, authId), runId),
        action: 'local_purge',
        outcome: 'done',
        errorCode: null,
        at: purgedAt,
      })),
    );
    counts.purged += (await this.results.purge(toPurge, lease, purgedAt)).length;
    await this.results.release(
      goneAtArgos.filter((r) => r.purgedAt !== null).map((r) => r.authId),
      lease,
    );
  }

  /** The Argos step of one result; null when it did not complete (refused, claim lost, unexpected error). */
  private async deleteAtArgos(
    row: ClaimedResult,
    runId: string | null,
    counts: RunCounts,
  ): Promise<ArgosDeletionOutcome | null> {
    try {
      return await this.argos.run(row);
    } catch (error) {
      if (error instanceof ClaimLostError) return null;
      if (error instanceof ArgosStepFailure) {
        counts[(await this.refused(row, this.base(row, runId), error)) ? 'failed' : 'retrying'] += 1;
        return null;
      }
      // E.g. the database: the claim expires and the row is taken again later.
      this.logger.error(
        `Cleanup of result ${row.authId} interrupted (${failureCode(error)}); it is retried once its claim expires`,
      );
      counts.retrying += 1;
      return null;
    }
  }

  /** Backs off, or, past the retry period, reports the deletion as failed (audit, log): never dropped. True = failed. */
  private async refused(row: ClaimedResult, base: AuditBase, failure: ArgosStepFailure): Promise<boolean> {
    const now = this.now();
    const retryAt = nextRetryAt(now, row.firstFailureAt ?? now, row.attempts, this.options.retry);
    if (retryAt !== null) {
      await this.results.scheduleRetry(row, retryAt, now, failure.code, failure.deleteMayHaveLanded);
      this.logger.debug(
        `Deletion of result ${row.authId} at Argos refused (${failure.code}); retry at ${new Date(retryAt).toISOString()}`,
      );
      return false;
    }
    await this.audit.record({
      ...base,
      action: 'argos_delete',
      outcome: 'failed',
      errorCode: failure.code,
      at: now,
    });
    await this.results.markFailed(row, now, failure.code, failure.deleteMayHaveLanded);
    this.logger.error(
      `Deletion of result ${row.authId} at Argos given up after ${row.attempts} attempts over the retry period ` +
        `(last error ${failure.code}); reported as failed: see GET /v1/cleanup/overdue`,
    );
    return true;
  }

  private base(row: ClaimedResult, runId: string | null): AuditBase {
    const reason: AuditReason = row.forcedDueAt !== null ? 'user_request' : 'retention';
    return {
      runId,
      subjectType: 'result',
      subjectId: row.authId,
      project: row.project,
      reason,
      attempts: row.attempts,
    };
  }

  private async pool(rows: ClaimedResult[], work: (row: ClaimedResult) => Promise<void>): Promise<void> {
    let next = 0;
    const lanes = Array.from({ length: Math.min(this.options.argos.concurrency, rows.length) }, async () => {
      while (next < rows.length) await work(rows[next++]);
    });
    await Promise.all(lanes);
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

function rowOf(rows: ClaimedResult[], authId: string): ClaimedResult {
  return rows.find((r) => r.authId === authId) as ClaimedResult;
}
