import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityRows, entityRows, KeysetPosition } from '@faceauth/core';
import {
  AuditAction,
  AuditOutcome,
  AuditReason,
  AuditSubjectType,
  CleanupAuditEntity,
} from './cleanup-audit.entity';
import { AUDIT_LIST_FILTERS, cleanupAuditStatements } from './cleanup-audit.sql';
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

@Injectable()
export class CleanupAuditRepository {
  private readonly q: ReturnType<typeof cleanupAuditStatements>;
  private readonly rows: EntityRows<CleanupAuditEntity>;

  constructor(private readonly sql: SqlRunner) {
    this.q = cleanupAuditStatements(sql.dataSource);
    this.rows = entityRows(sql.dataSource, CleanupAuditEntity);
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.recordMany([entry]);
  }

  /** One statement for a whole batch (each subject and action at most once in it). */
  async recordMany(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const params = entries.flatMap((e) => [
      randomUUID(),
      e.runId,
      e.subjectType,
      e.subjectId,
      e.project,
      e.action,
      e.reason,
      e.outcome,
      e.attempts,
      e.errorCode,
      e.at,
    ]);
    await this.sql.rows(this.q.record(entries.length), params);
  }

  /** Newest first, keyset-paginated; one prepared text per filter shape. */
  async list(filter: {
    subjectId?: string;
    action?: AuditAction;
    outcome?: AuditOutcome;
    after?: KeysetPosition;
    limit: number;
  }): Promise<CleanupAuditEntity[]> {
    const present = { subject_id: filter.subjectId, action: filter.action, outcome: filter.outcome };
    let shape = 0;
    const params: unknown[] = [filter.limit];
    AUDIT_LIST_FILTERS.forEach((column, bit) => {
      if (present[column] === undefined) return;
      shape |= 1 << bit;
      params.push(present[column]);
    });
    if (filter.after) {
      shape |= 1 << AUDIT_LIST_FILTERS.length;
      params.push(filter.after.createdAt, filter.after.id);
    }
    const found = await this.sql.rows(this.q.list(shape), params);
    return found.map((row) => this.rows.fromRow(row));
  }
}
