import { DataSource } from 'typeorm';

/** Table name → database names of its entity's columns. */
export type TableColumns = ReadonlyMap<string, ReadonlySet<string>>;

/** Every entity table of a DataSource with all its columns (`select: false` ones included). */
export function tableColumnsOf(dataSource: DataSource): Map<string, Set<string>> {
  return new Map(
    dataSource.entityMetadatas.map((m) => [m.tableName, new Set(m.columns.map((c) => c.databaseName))]),
  );
}

/**
 * The words of SQL our statements use that are neither tables nor columns. A statement with a word not
 * listed here and not a column of its tables is reported: add the keyword here if it is one.
 */
const KEYWORDS = new Set(
  `SELECT FROM WHERE AND OR NOT IN IS NULL LIMIT OFFSET UPDATE SET CASE WHEN THEN ELSE END AS CAST BIGINT
   INTEGER INT TEXT VARCHAR BOOLEAN INSERT INTO VALUES ON CONFLICT DO NOTHING RETURNING ORDER BY DESC ASC
   FOR SKIP LOCKED LIKE TRUE FALSE DELETE EXISTS BETWEEN DISTINCT GROUP HAVING JOIN LEFT INNER OUTER
   UNION ALL ANY WITH MATERIALIZED`.split(/\s+/),
);
/** Tables introduced by these words; a non-keyword word right after the table is its alias. */
const TABLE_INTRODUCERS = new Set(['FROM', 'UPDATE', 'INTO', 'JOIN']);

const TOKEN = /'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?|\$\d+|\d+(?:\.\d+)?|\S/g;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const QUALIFIED = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;

const isKeyword = (token: string | undefined): boolean =>
  token !== undefined && KEYWORDS.has(token.toUpperCase());

interface Scope {
  /** Table name or alias → table name (aliases are unique in a statement). */
  names: Map<string, string>;
  /** Names given with `AS` (result columns), usable as plain words. */
  labels: Set<string>;
  /** The INSERT target: what `excluded.` refers to. */
  insertTarget: string | null;
  /** For each token, the query it belongs to: 0 the statement, then each `(SELECT …)` in order. */
  queryAt: number[];
  /** The tables each query reads or writes. */
  tablesOf: Map<number, string[]>;
}

function scopeOf(tokens: string[]): Scope {
  const scope: Scope = {
    names: new Map(),
    labels: new Set(),
    insertTarget: null,
    queryAt: [],
    tablesOf: new Map(),
  };
  const queries = [0];
  const parens: boolean[] = [];
  let nextQuery = 1;
  tokens.forEach((token, i) => {
    if (token === '(') {
      const subquery = tokens[i + 1]?.toUpperCase() === 'SELECT';
      parens.push(subquery);
      if (subquery) queries.push(nextQuery++);
    } else if (token === ')' && parens.pop()) {
      queries.pop();
    }
    const query = queries[queries.length - 1];
    scope.queryAt.push(query);
    const previous = tokens[i - 1]?.toUpperCase();
    if (previous === 'AS' && WORD.test(token) && !isKeyword(token)) scope.labels.add(token);
    if (!previous || !TABLE_INTRODUCERS.has(previous) || !WORD.test(token) || isKeyword(token)) return;
    scope.names.set(token, token);
    scope.tablesOf.set(query, [...(scope.tablesOf.get(query) ?? []), token]);
    if (previous === 'INTO') scope.insertTarget = token;
    const alias = tokens[i + 1];
    if (alias && WORD.test(alias) && !isKeyword(alias)) scope.names.set(alias, token);
  });
  return scope;
}

/**
 * The common table expressions a statement opens with (`WITH name AS [MATERIALIZED] (SELECT a, b FROM …)`, the
 * claims' locked pick): each name with the plain columns its SELECT list gives, checked like a table's.
 */
function cteColumns(tokens: string[]): Map<string, Set<string>> {
  const ctes = new Map<string, Set<string>>();
  if (tokens[0]?.toUpperCase() !== 'WITH') return ctes;
  let i = 1;
  while (WORD.test(tokens[i] ?? '') && tokens[i + 1]?.toUpperCase() === 'AS') {
    const name = tokens[i];
    i += 2;
    if (tokens[i]?.toUpperCase() === 'MATERIALIZED') i++;
    if (tokens[i] !== '(' || tokens[i + 1]?.toUpperCase() !== 'SELECT') break;
    const columns = new Set<string>();
    for (i += 2; i < tokens.length && tokens[i]?.toUpperCase() !== 'FROM'; i++) {
      if (WORD.test(tokens[i]) && !isKeyword(tokens[i])) columns.add(tokens[i]);
    }
    ctes.set(name, columns);
    let depth = 1; // from the CTE's opening parenthesis to its closing one
    for (; i < tokens.length && depth > 0; i++) {
      if (tokens[i] === '(') depth++;
      else if (tokens[i] === ')') depth--;
    }
    if (tokens[i] !== ',') break;
    i++;
  }
  return ctes;
}

/**
 * What is wrong with the columns a statement names, checked against the entities' tables: each table it
 * reads or writes must be an entity's, each `t.column` (an alias, a table or `excluded`) a column of that
 * table, each other word a keyword, a function, an `AS` label, a table or alias, or a column of a table
 * of its own query (a subquery's words are not resolved against the outer query: none of our statements
 * correlates unqualified, and SQL would silently take the outer column). A CTE the statement opens with counts
 * as a table with the columns of its SELECT list. Empty when all is well.
 */
export function columnProblems(sql: string, entityTables: TableColumns): string[] {
  const tokens = sql.match(TOKEN) ?? [];
  const tables: TableColumns = new Map([...entityTables, ...cteColumns(tokens)]);
  const scope = scopeOf(tokens);
  for (const name of tables.keys()) if (!entityTables.has(name)) scope.labels.add(name);
  const problems: string[] = [];
  const tablesUsed = [...new Set(scope.names.values())];
  if (tablesUsed.length === 0) problems.push('names no table');
  for (const table of tablesUsed) {
    if (!tables.has(table)) problems.push(`table "${table}" is not an entity's table`);
  }
  const columnsOf = (table: string): ReadonlySet<string> => tables.get(table) ?? new Set();
  tokens.forEach((token, i) => {
    const qualified = QUALIFIED.exec(token);
    if (qualified) {
      const [, owner, column] = qualified;
      const table = owner === 'excluded' ? scope.insertTarget : scope.names.get(owner);
      if (!table) problems.push(`"${owner}" in "${token}" is neither a table, an alias nor excluded`);
      else if (!columnsOf(table).has(column)) problems.push(`"${column}" is not a column of ${table}`);
      return;
    }
    if (!WORD.test(token) || isKeyword(token) || scope.names.has(token) || scope.labels.has(token)) return;
    if (tokens[i + 1] === '(') return; // a function: COALESCE(…), COUNT(…)
    const own = scope.tablesOf.get(scope.queryAt[i]) ?? tablesUsed;
    if (!own.some((table) => columnsOf(table).has(token))) {
      problems.push(`"${token}" is not a column of ${own.join(' or ') || 'any table'}`);
    }
  });
  return [...new Set(problems)];
}
