import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { FaceAuthRecord } from '@faceauth/argos-client';
import { KeysetPosition } from '@faceauth/core';
import { FaceAuthResultEntity } from './faceauth-result.entity';

export interface ResultListFilter {
  submissionId?: string;
  authUserId?: string;
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

function fieldsOf(record: FaceAuthRecord, now: Date): RecordFields {
  const scores = Object.fromEntries(
    Object.entries(record.scores).filter(([, v]) => typeof v === 'number'),
  ) as Record<string, number>;
  return {
    status: record.status,
    submissionId: record.submissionId ?? null,
    authUserId: record.userId ?? null,
    cf1: record.cf1 ?? null,
    cf2: record.cf2 ?? null,
    cf3: record.cf3 ?? null,
    tokenId: record.tokenId ?? null,
    submitType: record.submitType ?? null,
    scores,
    failCodes: record.failCodes,
    rejectComments: record.rejectComments,
    createdAt: record.createdAt ?? now,
    updatedAt: now,
  };
}

/** Results table access. A purged row never gets its personal fields back from a late record. */
@Injectable()
export class ResultRepository {
  constructor(@InjectRepository(FaceAuthResultEntity) readonly rows: Repository<FaceAuthResultEntity>) {}

  /** Stores what Argos says about a result: updates a live row, or inserts it once (duplicates ignored). */
  async saveRecord(record: FaceAuthRecord, project: string, source: string, now: Date): Promise<void> {
    const fields = fieldsOf(record, now);
    const updated = await this.rows
      .createQueryBuilder()
      .update(FaceAuthResultEntity)
      .set(fields)
      .where('auth_id = :authId AND purged_at IS NULL', { authId: record.authId })
      .execute();
    if ((updated.affected ?? 0) > 0) return;
    await this.rows
      .createQueryBuilder()
      .insert()
      .into(FaceAuthResultEntity)
      .values({
        ...fields,
        authId: record.authId,
        project,
        source,
        purgedAt: null,
        argosDeletedAt: null,
        legalHold: false,
      })
      .orIgnore()
      .updateEntity(false)
      .execute();
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
        scores: null,
        failCodes: null,
        rejectComments: null,
        purgedAt: at,
        updatedAt: at,
        ...(argosDeleted ? { argosDeletedAt: at } : {}),
      })
      .where('auth_id = :authId', { authId })
      .execute();
  }
}
