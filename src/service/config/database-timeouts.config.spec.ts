import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

const POSTGRES = { DATABASE_URL: 'postgres://u@db:5432/x' };

describe('database timeout settings', () => {
  it('bounds every PostgreSQL wait by default', () => {
    expect(loadConfig(POSTGRES).database).toMatchObject({
      type: 'postgres',
      timeouts: { connectMs: 5_000, statementMs: 30_000 },
    });
  });

  it('reads DATABASE_CONNECT_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS and SQLITE_BUSY_TIMEOUT_MS', () => {
    const postgres = loadConfig({
      ...POSTGRES,
      DATABASE_CONNECT_TIMEOUT_MS: '1500',
      DATABASE_STATEMENT_TIMEOUT_MS: '2500',
    });
    expect(postgres.database).toMatchObject({ timeouts: { connectMs: 1_500, statementMs: 2_500 } });
    expect(loadConfig({ SQLITE_BUSY_TIMEOUT_MS: '250' }).database).toMatchObject({
      type: 'sqlite',
      busyTimeoutMs: 250,
    });
  });

  it.each([
    [{ ...POSTGRES, DATABASE_CONNECT_TIMEOUT_MS: 'soon' }, 'DATABASE_CONNECT_TIMEOUT_MS'],
    [{ ...POSTGRES, DATABASE_CONNECT_TIMEOUT_MS: '0' }, 'DATABASE_CONNECT_TIMEOUT_MS'],
    [{ ...POSTGRES, DATABASE_STATEMENT_TIMEOUT_MS: '-1' }, 'DATABASE_STATEMENT_TIMEOUT_MS'],
    [{ ...POSTGRES, DATABASE_STATEMENT_TIMEOUT_MS: '99' }, 'DATABASE_STATEMENT_TIMEOUT_MS'],
    [{ SQLITE_BUSY_TIMEOUT_MS: '1e3' }, 'SQLITE_BUSY_TIMEOUT_MS'],
  ])('refuses %j with a message naming %s', (env, setting) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).setting).toBe(setting);
    expect((thrown as Error).message).not.toContain('\n');
  });
});
