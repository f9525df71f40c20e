import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { columnReader, ColumnReader } from './column-readers';

/**
 * An entity's columns as raw statements see them, read once from the DataSource's metadata: the column
 * list of their `SELECT`/`RETURNING` and the mapping of their rows back to the entity. Nothing is spelled
 * by hand, so a column renamed or added in the entity changes both.
 */
export interface EntityRows<T> {
  readonly table: string;
  /** Database names of the columns TypeORM selects (`select: false` ones left out), in metadata order. */
  readonly names: readonly string[];
  /** `names` joined for a statement: `id, token, …`. Named rather than `*` (see below). */
  readonly columns: string;
  /** The entity a row of {@link columns} describes (snake_case keys, engine values). */
  fromRow(row: Record<string, unknown>): T;
}

interface Field {
  property: string;
  column: string;
  read: ColumnReader;
}

/**
 * Statements are prepared on PostgreSQL, and a column added by a later migration must not change a
 * prepared statement's result type under a running older instance (PostgreSQL then refuses the cached
 * plan): hence named columns, never `*`.
 */
function build<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>): EntityRows<T> {
  const metadata = dataSource.getMetadata(entity);
  const target = metadata.target;
  if (typeof target !== 'function') {
    throw new Error(`EntityRows: ${metadata.name} is not a class entity`);
  }
  const columns = metadata.columns.filter((c) => !c.isVirtual && c.isSelect);
  const unsupported = columns.find((c) => c.embeddedMetadata || c.relationMetadata);
  if (unsupported) {
    throw new Error(
      `EntityRows: ${metadata.name}.${unsupported.propertyPath} is an embedded or relation column (not supported)`,
    );
  }
  const fields: Field[] = columns.map((c) => ({
    property: c.propertyName,
    column: c.databaseName,
    read: columnReader(c, dataSource.driver),
  }));
  const Entity = target as new () => T;
  const names = fields.map((f) => f.column);
  return {
    table: metadata.tableName,
    names,
    columns: names.join(', '),
    fromRow(row) {
      const result = new Entity() as Record<string, unknown>;
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i];
        result[field.property] = field.read(row[field.column]);
      }
      return result as T;
    },
  };
}

const built = new WeakMap<DataSource, Map<unknown, EntityRows<ObjectLiteral>>>();

/** The {@link EntityRows} of an entity on a DataSource, built on first use and kept with the DataSource. */
export function entityRows<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
): EntityRows<T> {
  let perEntity = built.get(dataSource);
  if (!perEntity) {
    perEntity = new Map();
    built.set(dataSource, perEntity);
  }
  let rows = perEntity.get(entity);
  if (!rows) {
    rows = build(dataSource, entity);
    perEntity.set(entity, rows);
  }
  return rows as EntityRows<T>;
}
