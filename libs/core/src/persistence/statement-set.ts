import { DataSource } from 'typeorm';
import { databaseKind, DatabaseKind } from './database-kind';
import { tableRenamer } from './table-names';

/**
 * Statements whose text depends on a number: the length of an `IN ($3, $4, …)` list, or which optional
 * filters a listing has. Each text is built once per key and kept (a statement text built per call would
 * be hashed and prepared per call). `samples` are keys that together produce every shape of the text, for
 * the test that prepares each statement and checks its columns against the entities.
 */
export interface SqlFamily {
  (key: number): string;
  readonly samples: readonly number[];
}

/** A raw statement of a statement set: one text, or a family of texts. */
export type SqlStatement = string | SqlFamily;

export type SqlStatements = Readonly<Record<string, SqlStatement>>;

// Keys are list lengths (bounded by batch sizes) or filter masks; the bound only guards a misuse.
const MAX_TEXTS_PER_FAMILY = 1024;

export function sqlFamily(build: (key: number) => string, samples: readonly number[]): SqlFamily {
  const texts = new Map<number, string>();
  const family = (key: number): string => {
    let text = texts.get(key);
    if (text === undefined) {
      text = build(key);
      if (texts.size >= MAX_TEXTS_PER_FAMILY) texts.clear();
      texts.set(key, text);
    }
    return text;
  };
  return Object.assign(family, { samples });
}

/**
 * The raw statements of one module, built once per DataSource: their texts may name an entity's columns
 * (read from the DataSource's metadata, see `entityRows`) and differ by engine (`FOR UPDATE SKIP LOCKED`).
 * They name the product's tables by their default names (`faceauth_tokens`), which the set rewrites to
 * the DataSource's own when a table prefix is configured (see `tableRenamer`). Every `*.sql.ts` of the
 * product exports its statements as one such set, so that a test can enumerate them all.
 */
export type StatementSet<S extends SqlStatements> = (dataSource: DataSource) => S;

export function statementSet<S extends SqlStatements>(
  build: (dataSource: DataSource, kind: DatabaseKind) => S,
): StatementSet<S> {
  const built = new WeakMap<DataSource, S>();
  return (dataSource) => {
    let statements = built.get(dataSource);
    if (!statements) {
      statements = renamed(build(dataSource, databaseKind(dataSource)), tableRenamer(dataSource));
      built.set(dataSource, statements);
    }
    return statements;
  };
}

function renamed<S extends SqlStatements>(statements: S, rename: ((text: string) => string) | undefined): S {
  if (!rename) return statements;
  const entries = Object.entries(statements).map(([key, statement]) => [
    key,
    typeof statement === 'string'
      ? rename(statement)
      : sqlFamily((n) => rename(statement(n)), statement.samples),
  ]);
  return Object.fromEntries(entries) as S;
}

/** `$first, $first+1, …`: the placeholders of an `IN` list of `n` values. */
export function placeholders(n: number, first: number): string {
  return Array.from({ length: n }, (_v, i) => `$${first + i}`).join(', ');
}
