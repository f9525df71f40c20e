import { CleanupAuditEntity, CleanupRunEntity, CleanupRunSummary, OverdueReport } from '@faceauth/retention';
import { AuditEntryDto, CleanupRunDto, OverdueReportDto } from './cleanup.dto';

export function toRunDto(run: CleanupRunEntity): CleanupRunDto {
  return {
    id: run.id,
    trigger: run.trigger,
    dryRun: run.dryRun,
    outcome: run.outcome,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    counts: {
      due: run.due,
      held: run.held,
      argosDeleted: run.argosDeleted,
      alreadyGone: run.alreadyGone,
      purged: run.purged,
      retrying: run.retrying,
      failed: run.failed,
      tokensDeleted: run.tokensDeleted,
      inboxDeleted: run.inboxDeleted,
    },
    errorCode: run.errorCode,
  };
}

export function toSummaryDto(summary: CleanupRunSummary): CleanupRunDto {
  return {
    id: summary.runId,
    trigger: summary.trigger,
    dryRun: summary.dryRun,
    outcome: summary.outcome,
    startedAt: summary.startedAt.toISOString(),
    finishedAt: summary.finishedAt.toISOString(),
    counts: { ...summary.counts },
    overdue: summary.overdue,
  };
}

export function toAuditDto(row: CleanupAuditEntity): AuditEntryDto {
  return {
    id: row.id,
    runId: row.runId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    project: row.project,
    action: row.action,
    reason: row.reason,
    outcome: row.outcome,
    attempts: row.attempts,
    errorCode: row.errorCode,
    at: row.at.toISOString(),
  };
}

export function toOverdueDto(report: OverdueReport): OverdueReportDto {
  return {
    ...report,
    items: report.items.map((item) => ({
      authId: item.authId,
      project: item.project,
      deadline: item.deadline.toISOString(),
      reason: item.reason,
      attempts: item.attempts,
      nextAttemptAt: item.nextAttemptAt?.toISOString() ?? null,
      failedAt: item.failedAt?.toISOString() ?? null,
      lastError: item.lastError,
      argosDeleted: item.argosDeleted,
      purged: item.purged,
    })),
  };
}
