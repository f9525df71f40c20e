import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository } from 'typeorm';
import { FaceAuthRecord } from '@faceauth/argos-client';
import { enableSecureDelete, KeysetPosition, RawInsert, RawSql, truncateSqliteWal } from '@faceauth/core';
import { FaceAuthResultEntity } from './faceauth-result.entity';
import { ResultIdentity } from './result-identity';
import { RESULT_UPSERT } from './result.sql';

export interface ResultListFilter {
  submissionId?: string;
  authUserId?: string;
  linkId?: string;
  status?: string;
  project?: string;
  from?: Date;
  to?: Date;
  after?: KeysetPosition;
  limit: number;
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
function fieldsOf(record: FaceAuthRecord, identity: ResultIdentity | undefined, now: Date): RecordFields {
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
    submitType: record.submitType ?? null,
    scores: Object.keys(scores).length === 0 ? null : scores,
    failCodes: orNull(record.failCodes),
    rejectComments: orNull(record.rejectComments),
    createdAt: record.createdAt ?? now,
    updatedAt: now,
  };
}

/** Results table access. A purged row never gets its personal fields back from a late record. */
@Injectable()
export class ResultRepository implements OnModuleInit {
  private upsert: RawInsert<FaceAuthResultEntity> | null = null;

  constructor(
    @InjectRepository(FaceAuthResultEntity) readonly rows: Repository<FaceAuthResultEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** On SQLite, erased personal fields are overwritten with zeros rather than left in free space. */
  onModuleInit(): Promise<void> {
    return enableSecureDelete(this.dataSource);
  }

  /**
   * Stores what Argos says about a result, with what we know of its person, in one statement: inserts it,
   * or updates the row when it exists and is not purged (a purged row stays as it is).
   */
  async saveRecord(
    record: FaceAuthRecord,
    project: string,
    source: string,
    now: Date,
    identity?: ResultIdentity,
  ): Promise<void> {
    this.upsert ??= new RawInsert(new RawSql(this.dataSource), FaceAuthResultEntity, RESULT_UPSERT);
    await this.upsert.execute(
      Object.assign(new FaceAuthResultEntity(), {
        ...fieldsOf(record, identity, now),
        authId: record.authId,
        project,
        source,
        purgedAt: null,
        argosDeletedAt: null,
        legalHold: false,
      }),
    );
  }

  findById(authId: string): Promise<FaceAuthResultEntity | null> {
    return this.rows.findOneBy({ authId });
  }

  list(filter: ResultListFilter): Promise<FaceAuthResultEntity[]> {
    const q = this.rows
      .createQueryBuilder('r')
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.auth_id', 'DESC')
      .limit(filter.limit);
    if (filter.submissionId !== undefined) q.andWhere('r.submission_id = :sub', { sub: filter.submissionId });
    if (filter.authUserId !== undefined) q.andWhere('r.auth_user_id = :user', { user: filter.authUserId });
    if (filter.linkId !== undefined) q.andWhere('r.link_id = :link', { link: filter.linkId });
    if (filter.status !== undefined) q.andWhere('r.status = :status', { status: filter.status });
    if (filter.project !== undefined) q.andWhere('r.project = :project', { project: filter.project });
    if (filter.from) q.andWhere('r.created_at >= :from', { from: filter.from.getTime() });
    if (filter.to) q.andWhere('r.created_at < :to', { to: filter.to.getTime() });
    if (filter.after) {
      const { createdAt, id } = filter.after;
      q.andWhere(
        new Brackets((b) =>
          b
            .where('r.created_at < :cAt', { cAt: createdAt })
            .orWhere('(r.created_at = :cAt AND r.auth_id < :cId)', { cAt: createdAt, cId: id }),
        ),
      );
    }
    return q.getMany();
  }

  /** Removes personal and biometric-derived fields, keeping id, project, status and times. Idempotent. */
  async purge(authId: string, at: Date, argosDeleted: boolean): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .update(FaceAuthResultEntity)
      .set({
        submissionId: null,
        authUserId: null,
        cf1: null,
        cf2: null,
        cf3: null,
        tokenId: null,
        linkId: null,
        identitySource: null,
        scores: null,
        failCodes: null,
        rejectComments: null,
        purgedAt: at,
        updatedAt: at,
        ...(argosDeleted ? { argosDeletedAt: at } : {}),
      })
      .where('auth_id = :authId', { authId })
      .execute();
    // The old values must not survive in SQLite's write-ahead log (best effort: a reader in another
    // process can delay it to the next erasure).
    await truncateSqliteWal(this.dataSource);
  }
}
