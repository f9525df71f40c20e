import { DataSource, EntityTarget, ObjectLiteral, ValueTransformer } from 'typeorm';
import { RawSql } from './raw-sql';
import { tableRenamer } from './table-names';

/** What happens when the row collides with an existing one on `target` (column names). */
export interface RawInsertConflict {
  target: readonly string[];
  /**
   * Columns (database names) overwritten from the new row (`c = excluded.c`), or set by an expression that
   * may read `excluded.<c>` and `<table>.<c>`; none: `DO NOTHING`.
   */
  update?: readonly (string | RawConflictAssignment)[];
  /** Only with `update`: a condition on the existing row (`<table>.<column> …`) for the update to apply. */
  where?: string;
}

export interface RawConflictAssignment {
  column: string;
  expression: string;
}

export interface RawInsertOptions {
  conflict?: RawInsertConflict;
  /** Columns (database names) of a `RETURNING` list: `execute` then returns the rows written. */
  returning?: readonly string[];
}

interface BoundColumn {
  property: string;
  toDatabase: (value: unknown) => unknown;
}

function converterOf(type: unknown, transformer: ValueTransformer | ValueTransformer[] | undefined) {
  if (Array.isArray(transformer)) {
    return (value: unknown) => transformer.reduce<unknown>((v, t) => t.to(v), value);
  }
  if (transformer) return (value: unknown) => transformer.to(value);
  if (type === 'simple-json') return (value: unknown) => (value == null ? null : JSON.stringify(value));
  return (value: unknown) => (value === undefined ? null : value);
}

/** The text of an entity's INSERT and how a row binds to it (see {@link RawInsert}). */
export interface InsertStatement<T> {
  readonly text: string;
  values(row: T): unknown[];
}

/**
 * One `INSERT` statement for an entity, written from its TypeORM metadata: every column, in metadata
 * order, values through the column transformers; an `undefined` property is written as NULL, not as the
 * column default.
 */
export function insertStatement<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  options: RawInsertOptions = {},
): InsertStatement<T> {
  const metadata = dataSource.getMetadata(entity);
  // Columns declared `insert: false` belong to other statements (e.g. the cleanup state of a result).
  const columns = metadata.columns.filter((c) => !c.isVirtual && !c.isGenerated && c.isInsert);
  const bound: BoundColumn[] = columns.map((c) => ({
    property: c.propertyName,
    toDatabase: converterOf(c.type, c.transformer),
  }));
  const names = columns.map((c) => c.databaseName);
  const table = metadata.tableName;
  let text = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`;
  const conflict = options.conflict;
  if (conflict) {
    text += ` ON CONFLICT (${conflict.target.join(', ')})`;
    if (conflict.update && conflict.update.length > 0) {
      const assignments = conflict.update.map((c) =>
        typeof c === 'string' ? `${c} = excluded.${c}` : `${c.column} = ${c.expression}`,
      );
      text += ` DO UPDATE SET ${assignments.join(', ')}`;
      if (conflict.where) text += ` WHERE ${conflict.where}`;
    } else {
      text += ' DO NOTHING';
    }
  }
  if (options.returning && options.returning.length > 0) text += ` RETURNING ${options.returning.join(', ')}`;
  // A conflict clause may name the table by its default name (`faceauth_results.column`).
  text = tableRenamer(dataSource)?.(text) ?? text;
  return { text, values: (row) => bound.map((c) => c.toDatabase(row[c.property])) };
}

/**
 * An {@link insertStatement} bound to a runner. It replaces `createQueryBuilder().insert()` on hot paths:
 * the query builder rebuilds and re-escapes the statement on every call, and its text varies with which
 * values are set, which defeats the driver's statement cache.
 */
export class RawInsert<T extends ObjectLiteral> {
  private readonly statement: InsertStatement<T>;

  constructor(
    private readonly sql: RawSql,
    entity: EntityTarget<T>,
    options: RawInsertOptions = {},
  ) {
    this.statement = insertStatement(sql.dataSource, entity, options);
  }

  get text(): string {
    return this.statement.text;
  }

  /** Writes the row; returns the `RETURNING` rows (none without `returning`, or when a conflict skipped it). */
  execute(row: T): Promise<Record<string, unknown>[]> {
    return this.sql.rows(this.statement.text, this.statement.values(row));
  }
}
