import { Injectable } from '@nestjs/common';
import { expiredRowsStatements } from './expired-rows.sql';
import { SqlRunner } from './sql-runner';

/** Deletion of rows past their retention, in bounded batches. */
@Injectable()
export class ExpiredRowsRepository {
  private readonly q: ReturnType<typeof expiredRowsStatements>;

  constructor(private readonly sql: SqlRunner) {
    this.q = expiredRowsStatements(sql.dataSource);
  }

  async deleteTokens(cutoff: number, limit: number): Promise<number> {
    return (await this.sql.rows(this.q.deleteTokens, [cutoff, limit])).length;
  }

  async deleteInbox(cutoff: number, limit: number): Promise<number> {
    return (await this.sql.rows(this.q.deleteInbox, [cutoff, limit])).length;
  }

  async countTokens(cutoff: number): Promise<number> {
    return this.count(this.q.countTokens, cutoff);
  }

  async countInbox(cutoff: number): Promise<number> {
    return this.count(this.q.countInbox, cutoff);
  }

  private async count(text: string, cutoff: number): Promise<number> {
    return Number((await this.sql.rows(text, [cutoff]))[0]?.n ?? 0);
  }
}
