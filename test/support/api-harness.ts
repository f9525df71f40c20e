import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import { Clock } from '@faceauth/core';
import { AppConfig, Env, loadConfig } from '@faceauth/service';
import { createApiApp } from '../../apps/api/src/bootstrap/create-api-app';
import { createTestDatabase, DatabaseKindUnderTest, TestDatabase } from './test-databases';

/** A running API on a fresh database, with its JSON logs captured in memory. */
export interface ApiHarness {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  devAdminKey: string | null;
  logs: string[];
  close(): Promise<void>;
}

export interface ApiHarnessOptions {
  env?: Env;
  clock?: Clock;
  /** Adjust the loaded configuration (e.g. point Argos at a local server). */
  configure?: (config: AppConfig) => AppConfig;
  /** Reuse a database owned by the caller (several instances on one database); it is not dropped on close. */
  database?: TestDatabase;
}

/**
 * nestjs-pino builds its pino instance once per process, bound to the first stream it is given; every
 * harness therefore shares one stream and copies each line to the harnesses alive at that moment.
 */
const capturing = new Set<string[]>();
const logStream = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    const line = chunk.toString('utf8');
    for (const logs of capturing) logs.push(line);
    callback();
  },
});

export async function startApi(
  kind: DatabaseKindUnderTest,
  options: ApiHarnessOptions = {},
): Promise<ApiHarness> {
  const owned = !options.database;
  const database = options.database ?? (await createTestDatabase(kind));
  const base = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    API_KEY_REFRESH_MS: '60000',
    ...options.env,
  });
  const config = (options.configure ?? ((c) => c))({ ...base, database: database.config });
  const logs: string[] = [];
  capturing.add(logs);
  try {
    const { app, devAdminKey } = await createApiApp({ config, logStream, clock: options.clock });
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      config,
      database,
      devAdminKey,
      logs,
      close: async () => {
        capturing.delete(logs);
        await app.close();
        if (owned) await database.drop();
      },
    };
  } catch (error) {
    capturing.delete(logs);
    if (owned) await database.drop();
    throw error;
  }
}
