export interface CompiledSql {
  sql: string;
  /** For each `?` in order, the 0-based index of the parameter it takes. */
  order: number[];
}

/**
 * Statements are written once with PostgreSQL's `$n` placeholders; for SQLite each `$n` becomes `?` and
 * the parameters are laid out in order of appearance (a `$n` may appear several times). Callers cache the
 * result per text (RawSql keeps it with the prepared statement).
 */
export function compileForSqlite(text: string): CompiledSql {
  const order: number[] = [];
  const sql = text.replace(/\$(\d+)/g, (_match, index: string) => {
    order.push(Number(index) - 1);
    return '?';
  });
  return { sql, order };
}
