import { databasesUnderTest } from '../support/test-databases';
import { useTestDataSource } from '../support/test-data-source';

/**
 * The schema the entities describe is the schema the migrations build. Otherwise `migration:generate`
 * (README) would hand an operator a migration that, for instance, drops the cleanup state of every
 * result: biometric data whose deletion is scheduled would silently never be deleted.
 */
describe.each(databasesUnderTest())('entities and migrations on %s', (kind) => {
  const db = useTestDataSource(kind);

  it('agree: TypeORM finds nothing to change after the migrations ran', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
