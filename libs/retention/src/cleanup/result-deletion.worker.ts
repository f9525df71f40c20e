import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { nextRetryAt } from '../pacing/retry-backoff';
import { AuditReason } from '../persistence/cleanup-audit.entity';
import { AuditEntry, CleanupAuditRepository } from '../persistence/cleanup-audit.repository';
import { PersonalDataRedactor } from '../persistence/personal-data.redactor';
import { ClaimedResult, ResultCleanupRepository } from '../persistence/result-cleanup.repository';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';
import { ArgosDeletionOutcome, ArgosDeletionStep, ArgosStepFailure, ClaimLostError } from './argos-deletion.step';

/** How one claimed result ended in this attempt. `lost`: another worker owns it now (it will finish). */
export interface RowResult {
  argos: ArgosDeletionOutcome | null;
  purged: boolean;
  status: 'done' | 'retrying' | 'failed' | 'lost';
}

/**
 * Deletes one claimed result: at Argos, then locally (personal fields of the row and of its stored webhook
 * events), writing one audit row per step. Every step is conditional and idempotent, so a run killed at
 * any point is completed by the next one without repeating a step.
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

  async process(row: ClaimedResult, runId: string | null): Promise<RowResult> {
    const reason: AuditReason = row.forcedDueAt !== null ? 'user_request' : 'retention';
    const base = { runId, subjectType: 'result' as const, subjectId: row.authId, project: row.project, reason, attempts: row.attempts };
    let argos: ArgosDeletionOutcome | null = null;
    if (row.argosDeletedAt === null) {
      try {
        argos = await this.argos.run(row);
      } catch (error) {
        if (error instanceof ClaimLostError) return { argos: null, purged: false, status: 'lost' };
        if (error instanceof ArgosStepFailure) return this.refused(row, base, error);
        throw error;
      }
      const at = this.now();
      await this.audit.record({ ...base, action: 'argos_delete', outcome: argos, errorCode: null, at });
      if (!(await this.results.markArgosDeleted(row, at))) return { argos, purged: false, status: 'lost' };
    }
    if (row.purgedAt !== null) {
      await this.results.release(row);
      return { argos, purged: false, status: 'done' };
    }
    await this.redactor.redactInbox(row.authId);
    const at = this.now();
    await this.audit.record({ ...base, action: 'local_purge', outcome: 'done', errorCode: null, at });
    const purged = await this.results.purge(row, at);
    return { argos, purged, status: purged ? 'done' : 'lost' };
  }

  /** Backs off, or, past the retry period, reports the deletion as failed (audit, log): never dropped. */
  private async refused(
    row: ClaimedResult,
    base: Omit<AuditEntry, 'action' | 'outcome' | 'errorCode' | 'at'>,
    failure: ArgosStepFailure,
  ): Promise<RowResult> {
    const now = this.now();
    const retryAt = nextRetryAt(now, row.firstFailureAt ?? now, row.attempts, this.options.retry);
    if (retryAt !== null) {
      await this.results.scheduleRetry(row, retryAt, now, failure.code, failure.deleteMayHaveLanded);
      this.logger.debug(`Deletion of result ${row.authId} at Argos refused (${failure.code}); retry at ${new Date(retryAt).toISOString()}`);
      return { argos: null, purged: false, status: 'retrying' };
    }
    await this.audit.record({ ...base, action: 'argos_delete', outcome: 'failed', errorCode: failure.code, at: now });
    await this.results.markFailed(row, now, failure.code, failure.deleteMayHaveLanded);
    this.logger.error(
      `Deletion of result ${row.authId} at Argos given up after ${row.attempts} attempts over the retry period ` +
        `(last error ${failure.code}); reported as failed: see GET /v1/cleanup/overdue`,
    );
    return { argos: null, purged: false, status: 'failed' };
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
