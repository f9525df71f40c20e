/**
 * Rows of a raw statement through `DataSource.query()`: TypeORM returns the rows for SELECT and
 * INSERT … RETURNING, but `[rows, affectedCount]` for UPDATE/DELETE … RETURNING on PostgreSQL.
 */
export function rawRows(result: unknown): Record<string, unknown>[] {
  if (!Array.isArray(result)) return [];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as Record<string, unknown>[];
  }
  return result as Record<string, unknown>[];
}
