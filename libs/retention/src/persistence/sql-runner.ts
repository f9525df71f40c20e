import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseKind, RawSql } from '@faceauth/core';

/**
 * Raw statements written once with `$n` placeholders, run on SQLite or PostgreSQL. Every write of the
 * cleanup is ONE conditional statement (no multi-statement transaction), because SQLite shares a single
 * connection between all concurrent callers of the process.
 */
@Injectable()
export class SqlRunner {
  readonly kind: DatabaseKind;
  private readonly raw: RawSql;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.raw = new RawSql(dataSource);
    this.kind = this.raw.kind;
  }

  rows(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    return this.raw.rows(text, params);
  }
}

/** BIGINT columns come back as strings from PostgreSQL. */
export const ms = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
