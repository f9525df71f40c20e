import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { KeysetPosition } from '@faceauth/core';
import {
  AuditAction,
  AuditOutcome,
  AuditReason,
  AuditSubjectType,
  CleanupAuditEntity,
} from './cleanup-audit.entity';
import { cleanupAuditStatements } from './cleanup-audit.sql';
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

  constructor(
    private readonly sql: SqlRunner,
    @InjectRepository(CleanupAuditEntity) private readonly rows: Repository<CleanupAuditEntity>,
  ) {
    this.q = cleanupAuditStatements(sql.dataSource);
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

  /** Newest first. */
  list(filter: {
    subjectId?: string;
    action?: AuditAction;
    outcome?: AuditOutcome;
    after?: KeysetPosition;
    limit: number;
  }): Promise<CleanupAuditEntity[]> {
    const query = this.rows
      .createQueryBuilder('a')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(filter.limit);
    if (filter.subjectId !== undefined)
      query.andWhere('a.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.action !== undefined) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.outcome !== undefined) query.andWhere('a.outcome = :outcome', { outcome: filter.outcome });
    if (filter.after) {
      query.andWhere('(a.at < :at OR (a.at = :at AND a.id < :id))', {
        at: filter.after.createdAt,
        id: filter.after.id,
      });
    }
    return query.getMany();
  }
}
