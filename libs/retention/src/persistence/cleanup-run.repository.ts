import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { KeysetPosition } from '@faceauth/core';
import { CleanupRunEntity } from './cleanup-run.entity';

export type RunCounts = Pick<
  CleanupRunEntity,
  | 'due'
  | 'held'
  | 'argosDeleted'
  | 'alreadyGone'
  | 'purged'
  | 'retrying'
  | 'failed'
  | 'tokensDeleted'
  | 'inboxDeleted'
>;

export const zeroCounts = (): RunCounts => ({
  due: 0,
  held: 0,
  argosDeleted: 0,
  alreadyGone: 0,
  purged: 0,
  retrying: 0,
  failed: 0,
  tokensDeleted: 0,
  inboxDeleted: 0,
});

@Injectable()
export class CleanupRunRepository {
  constructor(@InjectRepository(CleanupRunEntity) private readonly rows: Repository<CleanupRunEntity>) {}

  async insert(run: CleanupRunEntity): Promise<void> {
    await this.rows.insert(run);
  }

  async update(id: string, changes: Partial<CleanupRunEntity>): Promise<void> {
    await this.rows.createQueryBuilder().update().set(changes).where('id = :id', { id }).execute();
  }

  /** Runs left `running` by a process that died (called by the holder of the cleanup lock). */
  async interruptStale(currentId: string, now: Date): Promise<number> {
    const result = await this.rows
      .createQueryBuilder()
      .update()
      .set({ outcome: 'interrupted', finishedAt: now })
      .where("outcome = 'running' AND id <> :id", { id: currentId })
      .execute();
    return result.affected ?? 0;
  }

  findById(id: string): Promise<CleanupRunEntity | null> {
    return this.rows.findOneBy({ id });
  }

  /** Newest first. */
  list(filter: { after?: KeysetPosition; limit: number }): Promise<CleanupRunEntity[]> {
    const query = this.rows
      .createQueryBuilder('r')
      .orderBy('r.started_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(filter.limit);
    if (filter.after) {
      query.andWhere('(r.started_at < :at OR (r.started_at = :at AND r.id < :id))', {
        at: filter.after.createdAt,
        id: filter.after.id,
      });
    }
    return query.getMany();
  }
}
