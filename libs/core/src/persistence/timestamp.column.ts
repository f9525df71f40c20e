import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/**
 * Instants are stored as epoch milliseconds in a BIGINT on every database: the same comparisons work on
 * SQLite and PostgreSQL, with no time-zone conversion by a driver. PostgreSQL returns BIGINT as a string,
 * hence the transformer.
 */
export const epochMsTransformer: ValueTransformer = {
  to: (value: Date | null | undefined): number | null | undefined =>
    value instanceof Date ? value.getTime() : value,
  from: (value: string | number | null): Date | null => (value === null ? null : new Date(Number(value))),
};

/** A `Date` property persisted as epoch milliseconds (see {@link epochMsTransformer}). */
export function TimestampColumn(options: Pick<ColumnOptions, 'name' | 'nullable'> = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: epochMsTransformer, ...options });
}
