import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@faceauth/service';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';

/**
 * The schema the entities describe is the schema the migrations build. Otherwise `migration:generate`
 * (README) would hand an operator a migration that, for instance, drops the cleanup state of every
 * result: biometric data whose deletion is scheduled would silently never be deleted.
 */
describe.each(databasesUnderTest())('entities and migrations on %s', (kind) => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    dataSource = await new DataSource({
      ...dataSourceOptions(database.config),
      migrationsRun: true,
    }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('agree: TypeORM finds nothing to change after the migrations ran', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
