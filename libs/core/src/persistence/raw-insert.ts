import { EntityTarget, ObjectLiteral, ValueTransformer } from 'typeorm';
import { RawSql } from './raw-sql';

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

/**
 * One `INSERT` statement for an entity, written once from its TypeORM metadata (every column, in metadata
 * order, values through the column transformers; an `undefined` property is written as NULL, not as the
 * column default) and then bound per row. It replaces
 * `createQueryBuilder().insert()` on hot paths: the query builder rebuilds and re-escapes the statement on
 * every call, and its text varies with which values are set, which defeats the driver's statement cache.
 */
export class RawInsert<T extends ObjectLiteral> {
  private readonly text: string;
  private readonly columns: BoundColumn[];

  constructor(
    private readonly sql: RawSql,
    entity: EntityTarget<T>,
    options: RawInsertOptions = {},
  ) {
    const metadata = sql.dataSource.getMetadata(entity);
    // Columns declared `insert: false` belong to other statements (e.g. the cleanup state of a result).
    const columns = metadata.columns.filter((c) => !c.isVirtual && !c.isGenerated && c.isInsert);
    this.columns = columns.map((c) => ({
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
    this.text = text;
  }

  async execute(row: T): Promise<void> {
    await this.sql.rows(
      this.text,
      this.columns.map((c) => c.toDatabase(row[c.property])),
    );
  }
}
