import { randomBytes } from 'node:crypto';
import { BenchDatabase, BenchDatabaseKind, createBenchDatabase } from './bench-database';
import { SERVER_ENTRIES, ServerProcess } from './server-process';
import { SqlProbe } from './sql-probe';
import { createTwinInbox } from './twin-inbox';

/** Subject and baseline of one HTTP row, on one fresh database, each in its own process. */
export interface HttpStack {
  kind: BenchDatabaseKind;
  service: ServerProcess;
  bare: ServerProcess;
  /** The peer (a Nest + TypeORM app doing the same work), when the row asked for it (`HttpStackOptions`). */
  peer: ServerProcess | null;
  probe: SqlProbe;
  /** Secret of the `bench` admin key (INTERNAL_API_KEYS); sent to both sides so requests are identical. */
  apiKey: string;
  close(): Promise<void>;
}

/**
 * Production-like settings where they change the measured path; off where they would add background work
 * unrelated to it (reconciliation and verify-by-fetch would call the absent Argos sandbox; the cleanup
 * scheduler runs on a timer). Logging at `warn`: the access-log hook still runs on every request.
 */
export function serviceEnv(database: BenchDatabase, apiKey: string): Record<string, string> {
  return {
    ...database.env,
    NODE_ENV: 'development',
    INTERNAL_API_KEYS: `bench|admin|${apiKey}`,
    DEV_ADMIN_KEY: 'false',
    LOG_LEVEL: 'warn',
    WEBHOOK_VERIFY_BY_FETCH: 'false',
    RECONCILE_ENABLED: 'false',
    CLEANUP_ENABLED: 'false',
  };
}

/**
 * Extra node options for the servers, from BENCH_SERVER_NODE_ARGS (space-separated), e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the hot paths behind a row.
 */
function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
}

/** What a row needs beside the service and the bare server. */
export interface HttpStackOptions {
  /** Also start the peer (bench/src/servers/peer), on the same database with the same environment. */
  peer?: boolean;
  /** Settings over {@link serviceEnv} for every server of the stack (they all read the same configuration). */
  env?: Record<string, string>;
  /** Settings for the bare server alone (e.g. `BENCH_BARE_PROCESSOR`). */
  bareEnv?: Record<string, string>;
}

/** Creates the database, starts the service (it migrates the schema), then the bare server (and the peer). */
export async function startHttpStack(
  kind: BenchDatabaseKind,
  log: (line: string) => void,
  options: HttpStackOptions = {},
): Promise<HttpStack> {
  const database = await createBenchDatabase(kind);
  const apiKey = `bench-${randomBytes(18).toString('base64url')}`;
  const env = { ...serviceEnv(database, apiKey), ...options.env };
  const started: ServerProcess[] = [];
  let probe: SqlProbe | null = null;
  const close = async (): Promise<void> => {
    await Promise.allSettled(started.map((s) => s.stop()));
    await probe?.close().catch(() => undefined);
    await database.drop();
  };
  try {
    const service = await ServerProcess.start('service', SERVER_ENTRIES.service, env, serverNodeArgs());
    started.push(service);
    probe = await database.openProbe();
    await createTwinInbox(probe, kind);
    const bare = await ServerProcess.start(
      'bare',
      SERVER_ENTRIES.bare,
      { ...env, ...options.bareEnv },
      serverNodeArgs(),
    );
    started.push(bare);
    let peer: ServerProcess | null = null;
    if (options.peer === true) {
      peer = await ServerProcess.start('peer', SERVER_ENTRIES.peer, env, serverNodeArgs());
      started.push(peer);
    }
    log(
      `bench:   ${kind}: service on :${service.port}, bare Fastify on :${bare.port}` +
        (peer ? `, peer (Nest + TypeORM) on :${peer.port}` : ''),
    );
    return { kind, service, bare, peer, probe, apiKey, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** Runs `body` with a started stack and always tears it down (servers stopped, database dropped). */
export async function withHttpStack<T>(
  kind: BenchDatabaseKind,
  log: (line: string) => void,
  body: (stack: HttpStack) => Promise<T>,
  options: HttpStackOptions = {},
): Promise<T> {
  const stack = await startHttpStack(kind, log, options);
  try {
    return await body(stack);
  } finally {
    await stack.close();
  }
}

/** The service alone on a fresh database (rows without a bare twin, e.g. the long poll). */
export interface ServiceStack {
  kind: BenchDatabaseKind;
  service: ServerProcess;
  probe: SqlProbe;
  apiKey: string;
}

/** Runs `body` with the service started alone (same settings as in `startHttpStack`), then tears it down. */
export async function withServiceOnly<T>(
  kind: BenchDatabaseKind,
  log: (line: string) => void,
  body: (stack: ServiceStack) => Promise<T>,
): Promise<T> {
  const database = await createBenchDatabase(kind);
  const apiKey = `bench-${randomBytes(18).toString('base64url')}`;
  let service: ServerProcess | null = null;
  let probe: SqlProbe | null = null;
  try {
    service = await ServerProcess.start('service', SERVER_ENTRIES.service, serviceEnv(database, apiKey), [
      ...serverNodeArgs(),
    ]);
    probe = await database.openProbe();
    log(`bench:   ${kind}: service on :${service.port}`);
    return await body({ kind, service, probe, apiKey });
  } finally {
    await service?.stop().catch(() => undefined);
    await probe?.close().catch(() => undefined);
    await database.drop();
  }
}
