import { QueryRunner } from 'typeorm';
import { FACEAUTH_TABLES, FaceAuthTable, tableOf } from '@faceauth/core';

export type FaceAuthTableNames = Readonly<Record<FaceAuthTable, string>>;

/**
 * The names the tables had before table prefixes (migrations up to 1764100000010 created them so), with
 * the migration that created each: a table of that name is ours only if that migration is recorded. A
 * host's own `cleanup_runs` in a fresh database is never touched.
 */
const LEGACY: Readonly<Record<FaceAuthTable, { name: string; createdBy: string }>> = {
  internal_api_keys: { name: 'internal_api_keys', createdBy: 'InternalApiKeys1764100000000' },
  tokens: { name: 'faceauth_tokens', createdBy: 'FaceAuthTokens1764100000001' },
  results: { name: 'faceauth_results', createdBy: 'FaceAuthResults1764100000002' },
  webhook_inbox: { name: 'webhook_inbox', createdBy: 'WebhookInbox1764100000003' },
  cleanup_runs: { name: 'cleanup_runs', createdBy: 'Retention1764100000004' },
  cleanup_audit: { name: 'cleanup_audit', createdBy: 'Retention1764100000004' },
  cleanup_locks: { name: 'cleanup_locks', createdBy: 'Retention1764100000004' },
  notification_outbox: { name: 'notification_outbox', createdBy: 'Notifications1764100000009' },
  notification_endpoints: { name: 'notification_endpoints', createdBy: 'Notifications1764100000009' },
};

/**
 * The product's table names on the DataSource running the migrations (its table prefix applied, see
 * `faceAuthNamingStrategy`). Every migration asks here first, and this first renames the tables an earlier
 * release created under their old names: a database migrated partway by an older release (tables under old
 * names, later migrations pending) continues under the new names, and one migrated all the way is renamed
 * by `TablePrefix1764100000011`. A table is renamed only when the old name exists, the new one does not,
 * and the migration that created it is recorded as run.
 */
export async function faceAuthTables(queryRunner: QueryRunner): Promise<FaceAuthTableNames> {
  const names = Object.fromEntries(
    FACEAUTH_TABLES.map((table) => [table, tableOf(queryRunner.connection, table)]),
  ) as Record<FaceAuthTable, string>;
  const moved = FACEAUTH_TABLES.filter((table) => names[table] !== LEGACY[table].name);
  if (moved.length === 0) return names;
  const recorded = await recordedMigrations(queryRunner);
  for (const table of moved) {
    const legacy = LEGACY[table];
    if (!recorded.has(legacy.createdBy)) continue;
    if (!(await queryRunner.hasTable(legacy.name)) || (await queryRunner.hasTable(names[table]))) continue;
    await queryRunner.query(`ALTER TABLE "${legacy.name}" RENAME TO "${names[table]}"`);
  }
  return names;
}

async function recordedMigrations(queryRunner: QueryRunner): Promise<Set<string>> {
  const table = queryRunner.connection.options.migrationsTableName ?? 'migrations';
  if (!(await queryRunner.hasTable(table))) return new Set();
  const rows = (await queryRunner.query(`SELECT name FROM "${table}"`)) as { name: string }[];
  return new Set(rows.map((row) => row.name));
}
