import type { Driver, EntityMetadata, ValueTransformer } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/** Turns one raw driver value (a cell of a raw statement's row) into the entity's property value. */
export type ColumnReader = (raw: unknown) => unknown;

const STRING_TYPES = new Set([
  'varchar',
  'character varying',
  'text',
  'char',
  'character',
  'nvarchar',
  'nchar',
  'uuid',
  'citext',
  'enum',
  'simple-enum',
]);
const NUMBER_TYPES = new Set([
  'int',
  'int2',
  'int4',
  'integer',
  'smallint',
  'tinyint',
  'mediumint',
  'real',
  'float',
  'float4',
  'float8',
  'double',
  'double precision',
]);
/** pg returns these as strings (exact beyond 2^53); better-sqlite3 as numbers. */
const WIDE_NUMBER_TYPES = new Set(['bigint', 'int8', 'numeric', 'decimal']);
const BOOLEAN_TYPES = new Set(['boolean', 'bool']);

const text: ColumnReader = (raw) => (raw == null ? null : typeof raw === 'string' ? raw : String(raw));
const number: ColumnReader = (raw) => (raw == null ? null : typeof raw === 'number' ? raw : Number(raw));
/** Without a transformer, a wide number is the string TypeORM gives on PostgreSQL, on every engine. */
const wideNumber: ColumnReader = text;
/** The engine's value as it is: what TypeORM hands to a column transformer. */
const asIs: ColumnReader = (raw) => (raw === undefined ? null : raw);
/** `true`/`false` on PostgreSQL, 1/0 on SQLite. */
const boolean: ColumnReader = (raw) =>
  raw == null ? null : typeof raw === 'boolean' ? raw : Number(raw) === 1;
/** JSON text on both engines (TypeORM's `simple-json`). */
const simpleJson: ColumnReader = (raw) =>
  raw == null ? null : typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;

function fromDatabase(transformer: ValueTransformer | ValueTransformer[], value: unknown): unknown {
  if (!Array.isArray(transformer)) return transformer.from(value);
  // As TypeORM applies a list on reading: last to first.
  let result = value;
  for (let i = transformer.length - 1; i >= 0; i--) result = transformer[i].from(result);
  return result;
}

/**
 * The reader of a column, chosen once from its metadata: the conversion the engine needs for its type
 * (booleans from 0/1, JSON text, numbers from strings), then the column's transformer, as TypeORM does when
 * it hydrates an entity. Types without a fast reader here (dates, arrays, …) go through the driver's own
 * `prepareHydratedValue`, which applies the transformer itself.
 */
export function columnReader(column: ColumnMetadata, driver: Driver): ColumnReader {
  const type = typeof column.type === 'string' ? column.type : driver.normalizeType(column);
  const transformer = column.transformer;
  let base: ColumnReader | undefined;
  if (STRING_TYPES.has(type)) base = text;
  else if (NUMBER_TYPES.has(type)) base = number;
  else if (WIDE_NUMBER_TYPES.has(type)) base = transformer ? asIs : wideNumber;
  else if (BOOLEAN_TYPES.has(type)) base = boolean;
  else if (type === 'simple-json') base = simpleJson;
  if (!base) return (raw) => driver.prepareHydratedValue(raw === undefined ? null : raw, column) as unknown;
  if (!transformer) return base;
  const read = base;
  return (raw) => fromDatabase(transformer, read(raw));
}
