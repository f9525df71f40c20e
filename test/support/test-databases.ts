import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseConfig } from '@faceauth/service';

/** The variable that turns the PostgreSQL tier on. When set and unreachable, the suites fail. */
export const POSTGRES_URL_VARIABLE = 'FACEAUTH_TEST_POSTGRES_URL';

export type DatabaseKindUnderTest = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL whenever FACEAUTH_TEST_POSTGRES_URL is set. */
export function databasesUnderTest(): DatabaseKindUnderTest[] {
  return process.env[POSTGRES_URL_VARIABLE] ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  kind: DatabaseKindUnderTest;
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given kind, owned by one suite and dropped by it. */
export async function createTestDatabase(kind: DatabaseKindUnderTest): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'faceauth-test-'));
    return {
      kind,
      config: { type: 'sqlite', path: join(dir, 'test.sqlite'), migrationsRun: true },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env[POSTGRES_URL_VARIABLE];
  if (!adminUrl) throw new Error(`${POSTGRES_URL_VARIABLE} is not set`);
  const name = `faceauth_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    config: {
      type: 'postgres',
      url: url.toString(),
      migrationsRun: true,
      poolSize: 20,
      preparedStatements: true,
    },
    drop: async () => {
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

async function withAdminClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
