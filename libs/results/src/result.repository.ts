import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FaceAuthRecord } from '@faceauth/argos-client';
import {
  EntityRows,
  enableSecureDelete,
  entityRows,
  InsertStatement,
  insertStatement,
  RawSql,
  SqlStep,
  truncateSqliteWal,
} from '@faceauth/core';
import { FaceAuthResultEntity } from './faceauth-result.entity';
import { PolicyViolation } from './policy-violation';
import { ResultIdentity } from './result-identity';
import { ResultListFilter, resultListKey, resultListValues } from './result-list.sql';
import { RESULT_UPSERT, resultStatements } from './result.sql';

export type { ResultListFilter } from './result-list.sql';

interface Built {
  q: ReturnType<typeof resultStatements>;
  rows: EntityRows<FaceAuthResultEntity>;
  upsert: InsertStatement<FaceAuthResultEntity>;
}

type RecordFields = Omit<
  FaceAuthResultEntity,
  'authId' | 'project' | 'source' | 'purgedAt' | 'argosDeletedAt' | 'legalHold'
>;

const orNull = <T>(list: T[]): T[] | null => (list.length === 0 ? null : list);

/**
 * The columns of a record and of its identity. Argos' records carry no person (ARGOS-CONTRACT §7): the
 * person fields come from `identity` alone, never from the record. Empty score and code lists are
 * written as NULL, so that a later record without them (a webhook, a record deleted at Argos) keeps the
 * known ones.
 */
function fieldsOf(
  record: FaceAuthRecord,
  identity: ResultIdentity | undefined,
  now: Date,
  policyViolation: PolicyViolation | null,
): RecordFields {
  const scores = Object.fromEntries(
    Object.entries(record.scores).filter(([, v]) => typeof v === 'number'),
  ) as Record<string, number>;
  return {
    status: record.status,
    submissionId: record.submissionId ?? null,
    authUserId: identity?.authUserId ?? null,
    cf1: identity?.cf1 ?? null,
    cf2: identity?.cf2 ?? null,
    cf3: identity?.cf3 ?? null,
    tokenId: identity?.tokenId ?? null,
    linkId: identity?.linkId ?? null,
    identitySource: identity?.source ?? null,
    policyViolation,
    submitType: record.submitType ?? null,
    scores: Object.keys(scores).length === 0 ? null : scores,
    failCodes: orNull(record.failCodes),
    rejectComments: orNull(record.rejectComments),
    createdAt: record.createdAt ?? now,
    updatedAt: now,
  };
}

/**
 * Results table access, in raw statements on the entity's metadata (result.sql.ts). A purged row never
 * gets its personal fields back from a late record.
 */
@Injectable()
export class ResultRepository implements OnModuleInit {
  private readonly sql: RawSql;
  private built: Built | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sql = new RawSql(dataSource);
  }

  /** On SQLite, erased personal fields are overwritten with zeros rather than left in free space. */
  onModuleInit(): Promise<void> {
    return enableSecureDelete(this.dataSource);
  }

  /**
   * Stores what Argos says about a result, with what we know of its person, in one statement: inserts it,
   * or updates the row when it exists and is not purged (a purged row stays as it is). `policyViolation`:
   * why it did not count for its link (kept once set).
   */
  async saveRecord(
    record: FaceAuthRecord,
    project: string,
    source: string,
    now: Date,
    identity?: ResultIdentity,
    policyViolation: PolicyViolation | null = null,
  ): Promise<void> {
    const { text, values } = this.saveRecordStep(record, project, source, now, identity, policyViolation);
    await this.sql.rows(text, values);
  }

  /** {@link saveRecord} as the statement of the caller's atomic unit (`RawSql.atomic`). */
  saveRecordStep(
    record: FaceAuthRecord,
    project: string,
    source: string,
    now: Date,
    identity?: ResultIdentity,
    policyViolation: PolicyViolation | null = null,
  ): SqlStep {
    const { upsert } = this.statements();
    const row = Object.assign(new FaceAuthResultEntity(), {
      ...fieldsOf(record, identity, now, policyViolation),
      authId: record.authId,
      project,
      source,
      purgedAt: null,
      argosDeletedAt: null,
      legalHold: false,
    });
    return { text: upsert.text, values: upsert.values(row) };
  }

  async findById(authId: string): Promise<FaceAuthResultEntity | null> {
    const { q, rows } = this.statements();
    const [row] = await this.sql.rows(q.findById, [authId]);
    return row ? rows.fromRow(row) : null;
  }

  /** Newest first, keyset-paginated; one prepared text per filter shape. */
  async list(filter: ResultListFilter): Promise<FaceAuthResultEntity[]> {
    const { q, rows } = this.statements();
    const found = await this.sql.rows(q.list(resultListKey(filter)), resultListValues(filter));
    return found.map((row) => rows.fromRow(row));
  }

  /** Removes personal and biometric-derived fields, keeping id, project, status and times. Idempotent. */
  async purge(authId: string, at: Date, argosDeleted: boolean): Promise<void> {
    await this.sql.rows(this.statements().q.purge, [authId, at.getTime(), argosDeleted]);
    // The old values must not survive in SQLite's write-ahead log (best effort: a reader in another
    // process can delay it to the next erasure).
    await truncateSqliteWal(this.dataSource);
  }

  private statements(): Built {
    this.built ??= {
      q: resultStatements(this.dataSource),
      rows: entityRows(this.dataSource, FaceAuthResultEntity),
      upsert: insertStatement(this.dataSource, FaceAuthResultEntity, RESULT_UPSERT),
    };
    return this.built;
  }
}
