import { DataSource, DataSourceOptions, DefaultNamingStrategy, NamingStrategyInterface } from 'typeorm';
import { FACEAUTH_TABLES, FaceAuthTable, faceAuthNamingStrategy, tableOf } from '@faceauth/core';
import { FACEAUTH_MIGRATIONS } from '@faceauth/module';
import { dataSourceOptions, DatabaseConfig } from '@faceauth/service';
import { NotificationsRepository } from '../../libs/notifications/src/persistence/notifications.repository';
import { TokenRepository } from '../../libs/token-policy/src/persistence/token.repository';
import { WebhookInboxRepository } from '../../libs/webhook/src/inbox/webhook-inbox.repository';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';

/** The names the releases before table prefixes gave their tables (and their migrations table). */
const LEGACY: Record<FaceAuthTable, string> = {
  internal_api_keys: 'internal_api_keys',
  tokens: 'faceauth_tokens',
  results: 'faceauth_results',
  webhook_inbox: 'webhook_inbox',
  cleanup_runs: 'cleanup_runs',
  cleanup_audit: 'cleanup_audit',
  cleanup_locks: 'cleanup_locks',
  notification_outbox: 'notification_outbox',
  notification_endpoints: 'notification_endpoints',
};

/**
 * A naming strategy that gives the product's tables their pre-prefix names: the migrations then build the
 * schema exactly as an earlier release did (same columns and indexes, the old table names).
 */
function legacyNaming(): NamingStrategyInterface {
  const base = new DefaultNamingStrategy();
  const strategy = Object.create(base) as NamingStrategyInterface;
  strategy.tableName = (target: string, given: string | undefined) => {
    const table = FACEAUTH_TABLES.find((t) => given === `faceauth_${t}`);
    return table ? LEGACY[table] : base.tableName(target, given);
  };
  return strategy;
}

const LINK = `INSERT INTO faceauth_tokens
  (id, token, project, sid, auth_user_id, policy_mode, max_uses, consume_on, use_count, use_keys, expires_at, created_at)
  VALUES ('11111111-1111-4111-8111-111111111111', 'oldtoken0001', 'main', 'sub_old', 'user-old', 'count', 1,
    'result', 0, '', 4102444800000, 1764000000000)`;
const INBOX_ROW = `INSERT INTO webhook_inbox
  (id, dedupe_key, trigger, payload, source, status, attempts, next_attempt_at, received_at)
  VALUES ('22222222-2222-4222-8222-222222222222', 'faceAuth:old', 'faceAuth', '{}', 'webhook', 'done', 1, 0, 1764000000000)`;
const ENDPOINT = `INSERT INTO notification_endpoints
  (id, url, enabled, secret, consecutive_failures, created_at, updated_at)
  VALUES ('33333333-3333-4333-8333-333333333333', 'https://hooks.example.com/fa', TRUE, 'whsec_old', 0, 1764000000000, 1764000000000)`;

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query(
    dataSource.options.type === 'postgres'
      ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  return rows.map((row) => row.name).sort();
}

describe.each(databasesUnderTest())('table names and their prefix on %s', (kind) => {
  let database: TestDatabase;
  const opened: DataSource[] = [];
  const open = async (options: Partial<DataSourceOptions>, config: Partial<DatabaseConfig> = {}) => {
    const dataSource = new DataSource({
      ...dataSourceOptions({ ...database.config, ...config } as DatabaseConfig),
      migrationsRun: false,
      ...options,
    } as DataSourceOptions);
    opened.push(await dataSource.initialize());
    return dataSource;
  };
  /** A database an earlier release migrated up to (not including) `next`, holding one row of each kind. */
  const earlierRelease = async (next = 'TablePrefix1764100000011') => {
    const upTo = FACEAUTH_MIGRATIONS.findIndex((m) => new m().name === next);
    expect(upTo).toBeGreaterThan(0);
    const old = await open({
      namingStrategy: legacyNaming(),
      migrations: FACEAUTH_MIGRATIONS.slice(0, upTo),
      migrationsTableName: 'faceauth_migrations',
    });
    await old.runMigrations();
    await old.query(LINK);
    await old.query(INBOX_ROW);
    if (next === 'TablePrefix1764100000011') await old.query(ENDPOINT);
    await old.destroy();
  };

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(async () => {
    for (const dataSource of opened.splice(0)) if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  });

  it('a fresh database gets faceauth_* tables only, under the default prefix', async () => {
    const fresh = await open({});
    await fresh.runMigrations();
    expect(await tableNames(fresh)).toEqual(
      [...FACEAUTH_TABLES.map((t) => `faceauth_${t}`), 'faceauth_migrations'].sort(),
    );
  });

  it("renames an earlier release's tables, rows included, and the service reads them", async () => {
    await earlierRelease();
    const upgraded = await open({});
    expect((await upgraded.runMigrations()).map((m) => m.name)).toEqual([
      'TablePrefix1764100000011',
      'InboxClaimOrder1764100000012',
    ]);
    expect(await tableNames(upgraded)).toEqual(
      [...FACEAUTH_TABLES.map((t) => `faceauth_${t}`), 'faceauth_migrations'].sort(),
    );
    expect(await new TokenRepository(upgraded).findByToken('oldtoken0001')).toMatchObject({ sid: 'sub_old' });
    expect(await new WebhookInboxRepository(upgraded).countByStatus()).toMatchObject({ done: 1 });
    const endpoints = await new NotificationsRepository(upgraded).listEndpoints(10);
    expect(endpoints.map((e) => e.url)).toEqual(['https://hooks.example.com/fa']);
    // The inbox index of the last migration before the rename went with its table.
    expect(await indexNamesOf(upgraded, 'faceauth_webhook_inbox')).toContain(
      'idx_webhook_inbox_status_received',
    );
  });

  it('continues a database an earlier release migrated partway, under the new names', async () => {
    await earlierRelease('Notifications1764100000009');
    const upgraded = await open({});
    expect((await upgraded.runMigrations()).map((m) => m.name)).toEqual([
      'Notifications1764100000009',
      'InboxStatusOrder1764100000010',
      'TablePrefix1764100000011',
      'InboxClaimOrder1764100000012',
    ]);
    expect(await tableNames(upgraded)).toEqual(
      [...FACEAUTH_TABLES.map((t) => `faceauth_${t}`), 'faceauth_migrations'].sort(),
    );
    expect(await new WebhookInboxRepository(upgraded).countByStatus()).toMatchObject({ done: 1 });
    expect(await indexNamesOf(upgraded, 'faceauth_webhook_inbox')).toContain(
      'idx_webhook_inbox_status_received',
    );
  });

  it("under a custom prefix, names every table with it and leaves the host's same-named tables alone", async () => {
    const host = await open({ entities: [], migrations: [] });
    await host.query('CREATE TABLE cleanup_runs (id INTEGER PRIMARY KEY, note VARCHAR(20))');
    await host.query("INSERT INTO cleanup_runs (id, note) VALUES (1, 'the host''s')");
    await host.destroy();

    const prefixed = await open({}, { tablePrefix: 'acme_fa_' });
    expect(prefixed.options.migrationsTableName).toBe('acme_fa_migrations');
    expect((await prefixed.runMigrations()).length).toBe(FACEAUTH_MIGRATIONS.length);
    expect(await tableNames(prefixed)).toEqual(
      [...FACEAUTH_TABLES.map((t) => `acme_fa_${t}`), 'acme_fa_migrations', 'cleanup_runs'].sort(),
    );
    expect(await prefixed.query('SELECT note FROM cleanup_runs')).toEqual([{ note: "the host's" }]);
    // The repositories read and write the prefixed tables (raw statements and TypeORM alike).
    await prefixed.query(LINK.replace('faceauth_tokens', 'acme_fa_tokens'));
    const tokens = new TokenRepository(prefixed);
    expect(await tokens.findByToken('oldtoken0001')).toMatchObject({ sid: 'sub_old' });
    expect(await tokens.consume('oldtoken0001', new Date(1764000001000), 'use-1')).toMatchObject({
      useCount: 1,
    });
  });
});

describe('faceAuthNamingStrategy', () => {
  it("swaps the product's prefix and leaves every other name to the host's strategy", () => {
    const host = new DefaultNamingStrategy();
    host.tableName = (target, given) => `app_${given ?? target.toLowerCase()}`;
    const strategy = faceAuthNamingStrategy('acme_', host);
    expect(strategy.tableName('FaceAuthTokenEntity', 'faceauth_tokens')).toBe('acme_tokens');
    expect(strategy.tableName('Order', undefined)).toBe('app_order');
    expect(strategy.tableName('Audit', 'faceauth_audit_log')).toBe('app_faceauth_audit_log');
    expect(strategy.columnName('createdAt', '', [])).toBe(host.columnName('createdAt', '', []));
    expect(faceAuthNamingStrategy('').tableName('X', 'faceauth_webhook_inbox')).toBe('webhook_inbox');
  });

  it.each(['Acme_', '1fa_', 'fa-', 'fa_"; DROP TABLE x; --', 'a'.repeat(21)])(
    'refuses the prefix %j',
    (prefix) => {
      expect(() => faceAuthNamingStrategy(prefix)).toThrow(/table prefix .* is not allowed/);
    },
  );

  it('gives tableOf the same names as the entity metadata, entityPrefix included', async () => {
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: dataSourceOptions({ type: 'sqlite', path: ':memory:', migrationsRun: false }).entities,
      namingStrategy: faceAuthNamingStrategy('fa_'),
      entityPrefix: 'tenant1_',
    });
    await dataSource.initialize();
    try {
      const fromMetadata = dataSource.entityMetadatas.map((m) => m.tableName).sort();
      expect(FACEAUTH_TABLES.map((t) => tableOf(dataSource, t)).sort()).toEqual(fromMetadata);
      expect(fromMetadata).toContain('tenant1_fa_webhook_inbox');
    } finally {
      await dataSource.destroy();
    }
  });
});

async function indexNamesOf(dataSource: DataSource, table: string): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query(
    dataSource.options.type === 'postgres'
      ? `SELECT indexname AS name FROM pg_indexes WHERE tablename = '${table}'`
      : `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '${table}'`,
  );
  return rows.map((row) => row.name);
}
