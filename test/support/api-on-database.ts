import { ApiHarness, ApiHarnessOptions, startApi } from './api-harness';
import { TestDatabase } from './test-databases';

/**
 * The API harness on a database the test already owns (another process such as the CLI, or other instances,
 * share it); closing the harness leaves the database to its owner.
 */
export function startApiOn(
  database: TestDatabase,
  options: Omit<ApiHarnessOptions, 'database'> = {},
): Promise<ApiHarness> {
  return startApi(database.kind, { ...options, database });
}
