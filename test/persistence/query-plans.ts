import { DataSource, QueryRunner } from 'typeorm';
import { sqliteConnectionOf } from '@faceauth/core';
import { compileForSqlite } from '../../libs/core/src/persistence/positional-sql';

/**
 * Query plans of raw `$n` statements on a migrated (empty) schema, and what is wrong with them. The rules
 * are in the header of hot-statement-indexes.e2e-spec.ts.
 *
 * How a plan reads a table ({@link TableRead}):
 * - `search`: through an index with a condition on its columns. SQLite `SEARCH <table> USING [COVERING]
 *   INDEX …` / `USING [INTEGER] PRIMARY KEY`; PostgreSQL an `Index Scan` / `Index Only Scan` with an
 *   `Index Cond`, or a `Bitmap Heap Scan` (its `Bitmap Index Scan`s carry the condition).
 * - `walk`: through an index read in its order, without a condition. SQLite `SCAN <table> USING
 *   [COVERING] INDEX …`; PostgreSQL an index scan without `Index Cond`.
 * - `full`: through no index. SQLite `SCAN <table>`; PostgreSQL `Seq Scan`.
 * A scan of what is no table of the schema (a constant row, a subquery's result) is no read of a table.
 */
export type ReadKind = 'search' | 'walk' | 'full';

export interface TableRead {
  table: string;
  kind: ReadKind;
  /** The index read, when one is. */
  index?: string;
}

export interface Plan {
  /** The plan as text: SQLite's EXPLAIN QUERY PLAN lines, or PostgreSQL's nodes, one per line. */
  lines: string[];
  reads: TableRead[];
  /** Whether the plan sorts rows: SQLite `USE TEMP B-TREE FOR ORDER BY`, PostgreSQL a `Sort` node. */
  sorted: boolean;
  /** PostgreSQL: whether a `Sort` node sorts rows read in full. */
  sortsFullScan: boolean;
  /** PostgreSQL, INSERT … ON CONFLICT: the unique indexes that decide the conflict. */
  arbiters: string[];
}

export type Engine = 'sqlite' | 'postgres';

/** What a statement must do with the indexes (see the test's header for how each engine is judged). */
export interface PlanCheck {
  /** The table the statement must reach through an index. */
  table: string;
  /**
   * `search` (the default): an index must find the rows. `walk`: the statement may instead read an index
   * in its order (a list page or a claim that stops at its LIMIT, a partial index of the rows wanted).
   * `upsert`: an INSERT … ON CONFLICT, whose conflict a unique index must decide.
   */
  access?: 'search' | 'walk' | 'upsert';
  /** Whether an index must give the rows their ORDER BY (no sort step). */
  orderFromIndex?: boolean;
  /** SQLite sorts this list's rows today (its filter's index gives no order): why that is acceptable. */
  sortsOnSqlite?: string;
  /** Other tables the statement may read in full, with why. */
  fullReadTolerated?: Record<string, string>;
  /**
   * The index that must carry the statement on PostgreSQL. An index walk that filters every row passes the
   * other checks and is what a million rows punish (the claim once walked every inbox row ever received).
   */
  postgresIndex?: string;
}

/** How statements are explained on one engine. */
export interface PlanSession {
  readonly engine: Engine;
  /** The plans of the statement with these values, by label (`plan` on SQLite; `generic`, `custom`). */
  explain(text: string, values: readonly unknown[]): Promise<Record<string, Plan>>;
  /** Runs DDL or a transaction command on the session's own connection. */
  execute(sql: string): Promise<void>;
  release(): Promise<void>;
}

/** Words that may follow a table's name in a statement and are no alias. */
const NO_ALIAS = new Set(['where', 'set', 'order', 'limit', 'group', 'on', 'values', 'returning', 'join']);

/** The tables of the schema by the names a plan may give them: their own and their aliases (`t`). */
function namesOf(tables: readonly string[], text: string): Map<string, string> {
  const names = new Map(tables.map((table) => [table, table]));
  for (const table of tables) {
    for (const match of text.matchAll(new RegExp(`\\b${table}\\s+(?:AS\\s+)?([A-Za-z_]\\w*)`, 'gi'))) {
      if (!NO_ALIAS.has(match[1].toLowerCase())) names.set(match[1], table);
    }
  }
  return names;
}

/** better-sqlite3 binds neither booleans nor `undefined` (as RawSql). */
const sqliteValue = (value: unknown): unknown =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value === undefined ? null : value;

const SQLITE_READ =
  /^(SCAN|SEARCH) (\S+)(?: USING (?:COVERING )?INDEX (\S+)| USING (?:INTEGER )?PRIMARY KEY)?/;

function sqlitePlan(
  dataSource: DataSource,
  tables: string[],
  text: string,
  values: readonly unknown[],
): Plan {
  // As RawSql runs it: `$n` → `?`, the values bound in placeholder order.
  const { sql, order } = compileForSqlite(text);
  const rows = sqliteConnectionOf(dataSource)
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...order.map((i) => sqliteValue(values[i]))) as { detail: string }[];
  const lines = rows.map((row) => row.detail);
  const names = namesOf(tables, text);
  const reads: TableRead[] = [];
  for (const line of lines) {
    const match = SQLITE_READ.exec(line);
    const table = match && names.get(match[2]);
    if (!match || !table) continue;
    const index = match[3] ?? (match[0].includes('PRIMARY KEY') ? 'PRIMARY KEY' : undefined);
    reads.push({ table, kind: match[1] === 'SEARCH' ? 'search' : index ? 'walk' : 'full', index });
  }
  const sorted = lines.some((line) => line.startsWith('USE TEMP B-TREE FOR ORDER BY'));
  return { lines, reads, sorted, sortsFullScan: false, arbiters: [] };
}

interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  'Conflict Arbiter Indexes'?: string[];
  Plans?: PgNode[];
}

const INDEX_SCANS = new Set(['Index Scan', 'Index Only Scan']);

function postgresPlan(root: PgNode): Plan {
  const lines: string[] = [];
  const reads: TableRead[] = [];
  const arbiters: string[] = [];
  let sorted = false;
  let sortsFullScan = false;
  const indexesUnder = (node: PgNode): string[] => [
    ...(node['Index Name'] ? [node['Index Name']] : []),
    ...(node.Plans ?? []).flatMap(indexesUnder),
  ];
  const hasFullScan = (node: PgNode): boolean =>
    node['Node Type'] === 'Seq Scan' || (node.Plans ?? []).some(hasFullScan);
  const visit = (node: PgNode, depth: number): void => {
    const type = node['Node Type'];
    const table = node['Relation Name'];
    const details = [
      table && `on ${table}`,
      node['Index Name'] && `using ${node['Index Name']}`,
      node['Index Cond'] && `cond ${node['Index Cond']}`,
      node.Filter && `filter ${node.Filter}`,
      node['Conflict Arbiter Indexes'] && `arbiters ${node['Conflict Arbiter Indexes'].join(', ')}`,
    ].filter(Boolean);
    lines.push(`${'  '.repeat(depth)}${[type, ...details].join(' ')}`);
    arbiters.push(...(node['Conflict Arbiter Indexes'] ?? []));
    if (type === 'Sort' || type === 'Incremental Sort') {
      sorted = true;
      if (hasFullScan(node)) sortsFullScan = true;
    }
    if (table && type === 'Seq Scan') reads.push({ table, kind: 'full' });
    if (table && INDEX_SCANS.has(type)) {
      reads.push({ table, kind: node['Index Cond'] ? 'search' : 'walk', index: node['Index Name'] });
    }
    if (table && type === 'Bitmap Heap Scan') {
      reads.push({ table, kind: 'search', index: [...new Set(indexesUnder(node))].join(' + ') });
    }
    for (const child of node.Plans ?? []) visit(child, depth + 1);
  };
  visit(root, 0);
  return { lines, reads, sorted, sortsFullScan, arbiters };
}

/** A value as an SQL literal for `EXECUTE name(…)` (PostgreSQL coerces it to the parameter's type). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * A session that explains statements on the DataSource's engine. On PostgreSQL it holds one connection of
 * its own, with `enable_seqscan = off` (see the test's header for why), and explains each statement as
 * RawSql runs it, a prepared statement: PREPAREd, then `EXPLAIN EXECUTE` with the values, both as the
 * generic plan a prepared statement may settle on (`plan_cache_mode = force_generic_plan`) and as the
 * custom plan of these values (`force_custom_plan`).
 */
export async function planSession(dataSource: DataSource): Promise<PlanSession> {
  const tables = dataSource.entityMetadatas.map((metadata) => metadata.tableName);
  if (dataSource.options.type === 'better-sqlite3') {
    const connection = sqliteConnectionOf(dataSource);
    return {
      engine: 'sqlite',
      explain: async (text, values) => ({ plan: sqlitePlan(dataSource, tables, text, values) }),
      execute: async (sql) => {
        connection.prepare(sql).run();
      },
      release: async () => undefined,
    };
  }
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.query('SET enable_seqscan = off');
  let prepared = 0;
  const explainAs = async (name: string, mode: string, values: readonly unknown[]): Promise<Plan> => {
    await runner.query(`SET plan_cache_mode = ${mode}`);
    const args = values.length > 0 ? `(${values.map(literal).join(', ')})` : '';
    const [row] = (await runner.query(`EXPLAIN (FORMAT JSON) EXECUTE ${name}${args}`)) as {
      'QUERY PLAN': { Plan: PgNode }[];
    }[];
    return postgresPlan(row['QUERY PLAN'][0].Plan);
  };
  return {
    engine: 'postgres',
    explain: async (text, values) => {
      const name = `fa_plan_${++prepared}`;
      await runner.query(`PREPARE ${name} AS ${text}`);
      try {
        return {
          generic: await explainAs(name, 'force_generic_plan', values),
          custom: await explainAs(name, 'force_custom_plan', values),
        };
      } finally {
        await runner.query(`DEALLOCATE ${name}`);
      }
    },
    execute: async (sql) => {
      await runner.query(sql);
    },
    release: async () => {
      // The DataSource may be destroyed first (hooks of the same block); its pool then closed the client.
      if (runner.isReleased || !dataSource.isInitialized) return;
      await runner.query('RESET ALL');
      await runner.release();
    },
  };
}

/** What is wrong with a plan of the statement on `engine`; empty when the plan is as `check` requires. */
export function planProblems(engine: Engine, plan: Plan, check: PlanCheck): string[] {
  const problems: string[] = [];
  for (const read of plan.reads) {
    if (read.kind === 'full' && !check.fullReadTolerated?.[read.table]) {
      problems.push(`reads ${read.table} in full, through no index`);
    }
  }
  const indexed = plan.reads.filter((read) => read.table === check.table && read.kind !== 'full');
  const access = check.access ?? 'search';
  if (access === 'upsert') {
    // SQLite: the conflict target must be a unique index of the table or it refuses to prepare the statement.
    if (engine === 'postgres' && plan.arbiters.length === 0) {
      problems.push(`no unique index of ${check.table} decides the conflict`);
    }
  } else if (indexed.length === 0) {
    if (!plan.reads.some((read) => read.table === check.table && read.kind === 'full')) {
      problems.push(`does not reach ${check.table} through an index`);
    }
  } else if (engine === 'sqlite' && access === 'search' && !indexed.some((read) => read.kind === 'search')) {
    const walked = [...new Set(indexed.map((read) => read.index))].join(', ');
    problems.push(`walks ${check.table} through ${walked} where an index should find its rows`);
  }
  const wanted = check.postgresIndex;
  if (engine === 'postgres' && wanted && indexed.length > 0) {
    if (!indexed.some((read) => read.index?.split(' + ').includes(wanted))) {
      const used = [...new Set(indexed.map((read) => read.index))].join(', ');
      problems.push(`reaches ${check.table} through ${used}, not ${wanted}`);
    }
  }
  if (check.orderFromIndex) {
    if (engine === 'sqlite' && plan.sorted && !check.sortsOnSqlite) {
      problems.push('sorts its rows (USE TEMP B-TREE FOR ORDER BY): no index gives their order');
    }
    if (engine === 'sqlite' && !plan.sorted && check.sortsOnSqlite) {
      problems.push('no longer sorts its rows on SQLite: drop its `sortsOnSqlite`');
    }
    if (engine === 'postgres' && plan.sortsFullScan) problems.push('sorts rows it read in full');
  }
  return problems;
}

/**
 * Every problem of the statement's plans on the session's engine, each with the plan it was seen in (a
 * PostgreSQL problem names the plan: `generic` or `custom`).
 */
export async function statementProblems(
  session: PlanSession,
  text: string,
  values: readonly unknown[],
  check: PlanCheck,
): Promise<string[]> {
  const plans = await session.explain(text, values);
  return Object.entries(plans).flatMap(([label, plan]) =>
    planProblems(session.engine, plan, check).map(
      (problem) =>
        `${session.engine === 'postgres' ? `${label} plan: ` : ''}${problem}\n    ${plan.lines.join('\n    ')}`,
    ),
  );
}
