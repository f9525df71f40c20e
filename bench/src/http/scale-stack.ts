import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '@faceauth/service';
import { SequentialClient } from '../scale/sequential-client';
import { BenchDatabase, BenchDatabaseKind, createBenchDatabase } from './bench-database';
import { serviceEnv } from './http-stack';
import { seedScaleTables, SeedTiming } from './scale-seed';
import { SERVER_ENTRIES, ServerProcess } from './server-process';

/** QUALITY.md goal 4's two sizes: the subject holds 1,000,000 rows per growing table, the baseline 10,000. */
export const SCALE_BIG_ROWS = Number(process.env.BENCH_SCALE_BIG_ROWS ?? 1_000_000);
export const SCALE_SMALL_ROWS = Number(process.env.BENCH_SCALE_SMALL_ROWS ?? 10_000);

/** One size: its database (seeded), the bench's own DataSource on it, and a service process on it. */
export interface ScaleSide {
  label: string;
  rows: number;
  database: BenchDatabase;
  /**
   * The bench's DataSource on this database, built with the service's own `dataSourceOptions` (it ran the
   * service's migrations): table names from its metadata, the cleanup claim through the service's
   * repository, drain checks and EXPLAIN. Never used while an HTTP round is timed.
   */
  dataSource: DataSource;
  service: ServerProcess;
  client: SequentialClient;
  seeded: SeedTiming[];
}

/** Both sizes on one engine, seeded once per run and shared by every scale row of that engine. */
export interface ScaleStacks {
  kind: BenchDatabaseKind;
  /** The instant the seed's values are relative to (links' expiry, results' retention). */
  seededAt: number;
  /** Secret of the `bench` admin key (INTERNAL_API_KEYS), the same on both services. */
  apiKey: string;
  /** The webhook's shared secret (WEBHOOK_SECRETS), sent as `?secret=`: what Argos sends. */
  webhookSecret: string;
  /** 1,000,000 rows: the row's subject. */
  big: ScaleSide;
  /** 10,000 rows: the row's baseline. */
  small: ScaleSide;
  /** Wall time of setting both sides up (migrate, seed, start), ms. */
  setupMs: number;
}

/**
 * The service's settings of `http-stack.ts` (production-like where they change the measured path, off where
 * they would add unrelated background work), plus: a webhook secret (intake checks it, as in production),
 * and `TRUST_PROXY=loopback`, so that the short link's per-address rate limit (60/min) keys on the
 * `X-Forwarded-For` the bench sends (a new address per request, as many people opening their links would)
 * instead of refusing the bench's 61st request.
 */
function scaleServiceEnv(
  database: BenchDatabase,
  apiKey: string,
  webhookSecret: string,
): Record<string, string> {
  return { ...serviceEnv(database, apiKey), WEBHOOK_SECRETS: webhookSecret, TRUST_PROXY: 'loopback' };
}

function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
}

/** The bench's DataSource on a fresh database, with the service's options: initialising it migrates. */
async function openDataSource(database: BenchDatabase): Promise<DataSource> {
  // No statement timeout for the bulk inserts (the service's default, 30 s, is about a request's statement).
  const config = loadConfig({
    ...database.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_STATEMENT_TIMEOUT_MS: String(24 * 3_600_000),
  });
  const dataSource = new DataSource(dataSourceOptions(config.database));
  await dataSource.initialize();
  return dataSource;
}

async function startSide(
  kind: BenchDatabaseKind,
  label: string,
  rows: number,
  seededAt: number,
  apiKey: string,
  webhookSecret: string,
  log: (line: string) => void,
  cleanups: (() => Promise<void>)[],
): Promise<ScaleSide> {
  const database = await createBenchDatabase(kind);
  cleanups.push(() => database.drop());
  // Migrated by the service's own migrations (same DataSource options as the service), then seeded before
  // the service starts, so that none of its background workers sees a half-seeded table.
  const dataSource = await openDataSource(database);
  cleanups.push(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
  });
  const seeded = await seedScaleTables(dataSource, kind, rows, seededAt);
  log(
    `bench:   scale ${kind} ${label}: seeded ${seeded.map((s) => `${s.table} ${s.rows.toLocaleString('en')} in ${(s.ms / 1000).toFixed(1)} s`).join(', ')}`,
  );
  const service = await ServerProcess.start(
    `service (${label})`,
    SERVER_ENTRIES.service,
    scaleServiceEnv(database, apiKey, webhookSecret),
    serverNodeArgs(),
  );
  cleanups.push(() => service.stop());
  const client = new SequentialClient(`service (${label})`, service.baseUrl);
  cleanups.push(async () => client.close());
  return { label, rows, database, dataSource, service, client, seeded };
}

interface Entry {
  stacks: Promise<ScaleStacks>;
  close: () => Promise<void>;
}

/** Module-level registry: one entry per engine for the whole run (`acquireScaleStacks`). */
const registry = new Map<BenchDatabaseKind, Entry>();
const pendingClose = new Map<BenchDatabaseKind, NodeJS.Immediate>();

async function createScaleStacks(
  kind: BenchDatabaseKind,
  log: (line: string) => void,
  cleanups: (() => Promise<void>)[],
): Promise<ScaleStacks> {
  const started = performance.now();
  const seededAt = Date.now();
  const apiKey = `bench-${randomBytes(18).toString('base64url')}`;
  const webhookSecret = `scale-${randomBytes(12).toString('hex')}`;
  // One after the other: seeding is the heaviest thing the bench does, and the two cores are shared.
  const small = await startSide(
    kind,
    `${SCALE_SMALL_ROWS.toLocaleString('en')} rows`,
    SCALE_SMALL_ROWS,
    seededAt,
    apiKey,
    webhookSecret,
    log,
    cleanups,
  );
  const big = await startSide(
    kind,
    `${SCALE_BIG_ROWS.toLocaleString('en')} rows`,
    SCALE_BIG_ROWS,
    seededAt,
    apiKey,
    webhookSecret,
    log,
    cleanups,
  );
  const setupMs = Math.round(performance.now() - started);
  log(
    `bench:   scale ${kind}: services on :${big.service.port} (${big.label}) and :${small.service.port} (${small.label}), set up in ${(setupMs / 1000).toFixed(1)} s`,
  );
  return { kind, seededAt, apiKey, webhookSecret, big, small, setupMs };
}

/**
 * The engine's two seeded stacks, created on first use and reused by every scale row of the run (seeding
 * 1M rows per table takes most of the rows' time). A close scheduled by `releaseScaleStacks` is cancelled.
 */
export function acquireScaleStacks(
  kind: BenchDatabaseKind,
  log: (line: string) => void,
): Promise<ScaleStacks> {
  const scheduled = pendingClose.get(kind);
  if (scheduled) {
    clearImmediate(scheduled);
    pendingClose.delete(kind);
  }
  const existing = registry.get(kind);
  if (existing) return existing.stacks;
  const cleanups: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    // Reverse order: client, service, DataSource, database; every step runs even if one fails.
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  const stacks = createScaleStacks(kind, log, cleanups);
  const entry: Entry = { stacks, close };
  registry.set(kind, entry);
  stacks.catch(() => {
    // A failed set-up is torn down at once; the next row of this engine tries again.
    if (registry.get(kind) === entry) registry.delete(kind);
    void close();
  });
  return stacks;
}

/**
 * Called after a scale row: when it was the engine's last selected row, its stacks close on the next turn of
 * the event loop unless another row acquires them first (the runner starts the next row, or runs the same
 * row again when its rounds straddle the goal, synchronously after the previous one ends).
 */
export function releaseScaleStacks(kind: BenchDatabaseKind, last: boolean): void {
  if (!last || !registry.has(kind)) return;
  const previous = pendingClose.get(kind);
  if (previous) clearImmediate(previous);
  pendingClose.set(
    kind,
    setImmediate(() => {
      pendingClose.delete(kind);
      void closeScaleStacks(kind);
    }),
  );
}

/**
 * Stops the services, closes the DataSources and drops the databases of one engine, or of every engine:
 * the teardown hook of the run (`await closeScaleStacks()` once the rows have run, in main.ts).
 */
export async function closeScaleStacks(kind?: BenchDatabaseKind): Promise<void> {
  const kinds = kind ? [kind] : [...registry.keys()];
  await Promise.all(
    kinds.map(async (k) => {
      const entry = registry.get(k);
      const scheduled = pendingClose.get(k);
      if (scheduled) clearImmediate(scheduled);
      pendingClose.delete(k);
      if (!entry) return;
      registry.delete(k);
      await entry.stacks.catch(() => undefined);
      await entry.close();
    }),
  );
}
