import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { KeysetPosition } from '@faceauth/core';
import { AuditAction, AuditOutcome, AuditReason, AuditSubjectType, CleanupAuditEntity } from './cleanup-audit.entity';
import { SqlRunner } from './sql-runner';

export interface AuditEntry {
  runId: string | null;
  subjectType: AuditSubjectType;
  subjectId: string;
  project: string | null;
  action: AuditAction;
  reason: AuditReason;
  outcome: AuditOutcome;
  attempts: number;
  errorCode: string | null;
  at: number;
}

/**
 * One row per (subject, action): recording a step again is a no-op, except that an outcome `failed` is
 * replaced by the later outcome of a retry. The cleanup writes the row right after the step's effect was
 * confirmed and before it records its own state, so a crash in between repeats the (idempotent) state
 * write, never the audit row.
 */
const RECORD_SQL = `
INSERT INTO cleanup_audit (id, run_id, subject_type, subject_id, project, action, reason, outcome, attempts, error_code, at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ON CONFLICT (subject_type, subject_id, action) DO UPDATE SET
  run_id = excluded.run_id, reason = excluded.reason, outcome = excluded.outcome, attempts = excluded.attempts,
  error_code = excluded.error_code, at = excluded.at
WHERE cleanup_audit.outcome = 'failed'`;

@Injectable()
export class CleanupAuditRepository {
  constructor(
    private readonly sql: SqlRunner,
    @InjectRepository(CleanupAuditEntity) private readonly rows: Repository<CleanupAuditEntity>,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.sql.rows(RECORD_SQL, [
      randomUUID(),
      entry.runId,
      entry.subjectType,
      entry.subjectId,
      entry.project,
      entry.action,
      entry.reason,
      entry.outcome,
      entry.attempts,
      entry.errorCode,
      entry.at,
    ]);
  }

  /** Newest first. */
  list(filter: { subjectId?: string; action?: AuditAction; outcome?: AuditOutcome; after?: KeysetPosition; limit: number }): Promise<CleanupAuditEntity[]> {
    const query = this.rows.createQueryBuilder('a').orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').limit(filter.limit);
    if (filter.subjectId !== undefined) query.andWhere('a.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.action !== undefined) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.outcome !== undefined) query.andWhere('a.outcome = :outcome', { outcome: filter.outcome });
    if (filter.after) {
      query.andWhere('(a.at < :at OR (a.at = :at AND a.id < :id))', { at: filter.after.createdAt, id: filter.after.id });
    }
    return query.getMany();
  }
}
