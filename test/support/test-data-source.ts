import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@faceauth/service';
import { createTestDatabase, DatabaseKindUnderTest, TestDatabase } from './test-databases';

/**
 * For one `describe` block: a fresh database of `kind` and the service's DataSource on it (migrated unless
 * told otherwise; tables under `tablePrefix` if given), created before the block's tests and dropped after them. Call it at the top of the block,
 * before any `beforeAll` that uses the DataSource.
 */
export function useTestDataSource(
  kind: DatabaseKindUnderTest,
  options: { migrationsRun?: boolean; tablePrefix?: string } = {},
): { readonly dataSource: DataSource } {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    dataSource = await new DataSource({
      ...dataSourceOptions({ ...database.config, tablePrefix: options.tablePrefix }),
      migrationsRun: options.migrationsRun ?? true,
    }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });
  return {
    get dataSource(): DataSource {
      if (!dataSource)
        throw new Error('useTestDataSource: the DataSource exists only inside its describe block');
      return dataSource;
    },
  };
}
