import { ApiHarness, ApiHarnessOptions, startApi } from './api-harness';
import { TestDatabase } from './test-databases';

/**
 * The API harness on a database the test already owns, so that another process (the CLI) and the API
 * share it. `startApi` still makes a scratch database of its own and drops it on close; the service is
 * pointed at `database` through `configure`, and the caller drops `database`.
 */
export async function startApiOn(
  database: TestDatabase,
  options: ApiHarnessOptions = {},
): Promise<ApiHarness> {
  const harness = await startApi(database.kind, {
    ...options,
    configure: (config) => ({ ...(options.configure?.(config) ?? config), database: database.config }),
  });
  return { ...harness, database };
}
