import { DatabaseKind } from './database-kind';

/**
 * Statements are written once with PostgreSQL's `$n` placeholders; for SQLite each `$n` becomes `?` and
 * the parameters are laid out in order of appearance (a `$n` may appear several times).
 */
export function positionalSql(kind: DatabaseKind, text: string, params: unknown[]): [string, unknown[]] {
  if (kind === 'postgres') return [text, params];
  const ordered: unknown[] = [];
  const sql = text.replace(/\$(\d+)/g, (_match, index: string) => {
    ordered.push(params[Number(index) - 1]);
    return '?';
  });
  return [sql, ordered];
}
