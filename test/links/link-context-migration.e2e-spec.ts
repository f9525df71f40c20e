import { DataSource } from 'typeorm';
import { ManualClock } from '@faceauth/core';
import { FACEAUTH_MIGRATIONS } from '@faceauth/module';
import { dataSourceOptions } from '@faceauth/service';
import { OutcomeWatch, TokenLedgerService } from '@faceauth/token-policy';
import { TokenRepository } from '../../libs/token-policy/src/persistence/token.repository';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';

const LINK_CONTEXT = 'LinkContext1764100000007';

/** A link as the schema before the link-context migration held it. */
const INSERT_OLD_LINK = `INSERT INTO faceauth_tokens
  (id, token, project, sid, auth_user_id, policy_mode, max_uses, consume_on, use_count, use_keys, expires_at, created_at)
  VALUES ('11111111-1111-4111-8111-111111111111', 'oldtoken0001', 'main', 'sub_old', 'user-old', 'count', 1,
    'result', 0, '', 4102444800000, 1764000000000)`;

/** Links minted before the migration stay valid after it: no reference, no metadata, and it undoes cleanly. */
describe.each(databasesUnderTest())('the link-context migration on %s', (kind) => {
  let database: TestDatabase;
  const open = (migrations = FACEAUTH_MIGRATIONS) =>
    new DataSource({ ...dataSourceOptions(database.config), migrations, migrationsRun: false }).initialize();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  it('leaves existing links readable as null / {}, filterable, and is undone cleanly', async () => {
    // From the schema before this migration; later migrations run too (the repository reads today's columns).
    const at = FACEAUTH_MIGRATIONS.findIndex((m) => new m().name === LINK_CONTEXT);
    expect(at).toBeGreaterThan(0);
    const fromHere = FACEAUTH_MIGRATIONS.slice(at).map((m) => new m().name);
    const before = await open(FACEAUTH_MIGRATIONS.slice(0, at));
    try {
      await before.runMigrations();
      await before.query(INSERT_OLD_LINK);
    } finally {
      await before.destroy();
    }
    const after = await open();
    try {
      expect((await after.runMigrations()).map((m) => m.name)).toEqual(fromHere);
      const tokens = new TokenRepository(after);
      const row = await tokens.findByToken('oldtoken0001');
      expect(row).toMatchObject({ sid: 'sub_old', clientReference: null, metadata: null });
      const link = await new TokenLedgerService(tokens, new ManualClock(0), new OutcomeWatch(tokens)).linkOf(
        'oldtoken0001',
      );
      expect(link).toMatchObject({ linkId: row?.id, clientReference: null, metadata: {} });
      const now = new Date(1764000001000);
      expect((await tokens.list({ limit: 10 }, now)).map((r) => r.id)).toEqual([row?.id]);
      expect(await tokens.list({ clientReference: 'anything', limit: 10 }, now)).toEqual([]);

      for (let i = 0; i < fromHere.length; i++) await after.undoLastMigration();
      const runner = after.createQueryRunner();
      const columns = await runner
        .getTable('faceauth_tokens')
        .then((table) => table?.columns.map((c) => c.name))
        .finally(() => runner.release());
      expect(columns).not.toContain('client_reference');
      expect(columns).not.toContain('metadata');
      expect(columns).toContain('token_in_url');
      expect(Number((await after.query('SELECT COUNT(*) AS n FROM faceauth_tokens'))[0].n)).toBe(1);
      expect((await after.runMigrations()).map((m) => m.name)).toEqual(fromHere);
    } finally {
      await after.destroy();
    }
  });
});
