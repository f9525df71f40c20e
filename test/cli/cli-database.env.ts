import { TestDatabase } from '../support/test-databases';

/** The variables that point the CLI at a test database, exactly as an operator points the service. */
export function cliDatabaseEnv(database: TestDatabase): Record<string, string> {
  const { config } = database;
  return config.type === 'sqlite' ? { SQLITE_PATH: config.path } : { DATABASE_URL: config.url };
}
