import { DataSource, DefaultNamingStrategy, NamingStrategyInterface } from 'typeorm';

/**
 * Every table the product owns, by its name without a prefix. Entities are declared with
 * {@link faceAuthTable} (the default prefix), and {@link faceAuthNamingStrategy} swaps that prefix for the
 * configured one, so the entity metadata carries the real name. Raw statements are written with the
 * default names, which read as the tables they are; {@link tableRenamer} rewrites them for a DataSource
 * whose names differ (`statementSet` applies it once per text), and migrations ask {@link tableOf}.
 */
export const FACEAUTH_TABLES = [
  'internal_api_keys',
  'tokens',
  'results',
  'webhook_inbox',
  'cleanup_runs',
  'cleanup_audit',
  'cleanup_locks',
  'notification_outbox',
  'notification_endpoints',
] as const;

export type FaceAuthTable = (typeof FACEAUTH_TABLES)[number];

export const DEFAULT_TABLE_PREFIX = 'faceauth_';

/**
 * A prefix is spliced into statement texts, so it is held to a plain lower-case identifier; 20 characters
 * keep the longest name (`faceauth_notification_endpoints`) far below PostgreSQL's 63. The empty prefix gives the
 * bare names.
 */
export const TABLE_PREFIX_PATTERN = /^(?:[a-z][a-z0-9_]{0,19})?$/;

export function assertTablePrefix(prefix: string): void {
  if (!TABLE_PREFIX_PATTERN.test(prefix)) {
    throw new Error(
      `table prefix ${JSON.stringify(prefix)} is not allowed: use up to 20 of a-z, 0-9 and _, starting with a letter (or empty)`,
    );
  }
}

/** The name an entity declares: the default prefix. */
export function faceAuthTable(table: FaceAuthTable): string {
  return DEFAULT_TABLE_PREFIX + table;
}

const DECLARED = new Map<string, FaceAuthTable>(
  FACEAUTH_TABLES.map((table) => [faceAuthTable(table), table]),
);

/**
 * The naming strategy that gives the product's tables `prefix` instead of the default. Every other name,
 * and every name of the host's own entities, is the `base` strategy's (TypeORM's default unless the host
 * has its own): the result inherits from `base` and overrides only `tableName`.
 */
export function faceAuthNamingStrategy(
  prefix: string,
  base: NamingStrategyInterface = new DefaultNamingStrategy(),
): NamingStrategyInterface {
  assertTablePrefix(prefix);
  const strategy = Object.create(base) as NamingStrategyInterface;
  strategy.tableName = (targetName: string, userSpecifiedName: string | undefined): string => {
    const table = userSpecifiedName === undefined ? undefined : DECLARED.get(userSpecifiedName);
    return table === undefined ? base.tableName(targetName, userSpecifiedName) : prefix + table;
  };
  return strategy;
}

/**
 * The name of one of the product's tables on this DataSource, as TypeORM names the entity's table: the
 * naming strategy applied, then the DataSource's `entityPrefix` if it has one.
 */
export function tableOf(dataSource: DataSource, table: FaceAuthTable): string {
  const { namingStrategy, options } = dataSource;
  const name = namingStrategy.tableName('', faceAuthTable(table));
  return options.entityPrefix ? namingStrategy.prefixTableName(options.entityPrefix, name) : name;
}

const DEFAULT_NAME = new RegExp(`\\b${DEFAULT_TABLE_PREFIX}(${FACEAUTH_TABLES.join('|')})\\b`, 'g');

/**
 * The rewrite of a statement text written with the default table names into this DataSource's names, or
 * undefined when they are the same. Only whole words that are a default table name change (an index named
 * `idx_faceauth_tokens_created` or a metric `faceauth_tokens_total` is not one).
 */
export function tableRenamer(dataSource: DataSource): ((text: string) => string) | undefined {
  const names = new Map(FACEAUTH_TABLES.map((table) => [table as string, tableOf(dataSource, table)]));
  if (FACEAUTH_TABLES.every((table) => names.get(table) === faceAuthTable(table))) return undefined;
  return (text) => text.replace(DEFAULT_NAME, (_name, table: string) => names.get(table) ?? _name);
}
