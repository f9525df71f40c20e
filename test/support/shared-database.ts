import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import { Clock } from '@faceauth/core';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { Env } from '../../apps/api/src/config/env-reader.config';
import { loadConfig } from '../../apps/api/src/config/load-config';
import { createApiApp } from '../../apps/api/src/bootstrap/create-api-app';
import { TestDatabase } from './test-databases';

/** One of several API instances sharing a database that the test owns (created and dropped by the test). */
export interface SharedDatabaseInstance {
  app: NestFastifyApplication;
  config: AppConfig;
  logs: string[];
  /** Closes the app only; the database stays for the other instances. */
  close(): Promise<void>;
}

export interface SharedDatabaseOptions {
  env?: Env;
  clock?: Clock;
  configure?: (config: AppConfig) => AppConfig;
}

/**
 * Like `startApi` (api-harness.ts), but on an existing database, so that N instances can share it the way
 * replicas share one PostgreSQL. Use one harness per test file: nestjs-pino binds to the first log stream
 * of the process (here, the one below), and every instance alive copies each line.
 */
const capturing = new Set<string[]>();
const logStream = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    const line = chunk.toString('utf8');
    for (const logs of capturing) logs.push(line);
    callback();
  },
});

export async function startApiOn(
  database: TestDatabase,
  options: SharedDatabaseOptions = {},
): Promise<SharedDatabaseInstance> {
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
    const { app } = await createApiApp({ config, logStream, clock: options.clock });
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      config,
      logs,
      close: async () => {
        capturing.delete(logs);
        await app.close();
      },
    };
  } catch (error) {
    capturing.delete(logs);
    throw error;
  }
}
