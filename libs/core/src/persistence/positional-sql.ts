import { DatabaseKind } from './database-kind';

interface CompiledSql {
  sql: string;
  /** For each `?` in order, the 0-based index of the parameter it takes. */
  order: number[];
}

// Statement texts are constants of the code, so this stays small; the bound only guards a misuse.
const MAX_COMPILED = 512;
const compiled = new Map<string, CompiledSql>();

function compileForSqlite(text: string): CompiledSql {
  const known = compiled.get(text);
  if (known) return known;
  const order: number[] = [];
  const sql = text.replace(/\$(\d+)/g, (_match, index: string) => {
    order.push(Number(index) - 1);
    return '?';
  });
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  const result = { sql, order };
  compiled.set(text, result);
  return result;
}

/**
 * Statements are written once with PostgreSQL's `$n` placeholders; for SQLite each `$n` becomes `?` and
 * the parameters are laid out in order of appearance (a `$n` may appear several times). The rewrite of a
 * text is computed once: hot paths call this on every request.
 */
export function positionalSql(kind: DatabaseKind, text: string, params: unknown[]): [string, unknown[]] {
  if (kind === 'postgres') return [text, params];
  const { sql, order } = compileForSqlite(text);
  return [sql, order.map((index) => params[index])];
}
