import { Gauge, Registry } from 'prom-client';

/** What pg's Pool counts of itself (pg-pool's `totalCount`, `idleCount`, `waitingCount`). */
export interface PoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

const GAUGES: readonly { name: string; help: string; read: (pool: PoolCounts) => number }[] = [
  {
    name: 'faceauth_database_pool_connections',
    help: 'PostgreSQL pool: open connections, idle or in use',
    read: (pool) => pool.totalCount,
  },
  {
    name: 'faceauth_database_pool_idle_connections',
    help: 'PostgreSQL pool: open connections not in use',
    read: (pool) => pool.idleCount,
  },
  {
    name: 'faceauth_database_pool_waiting_clients',
    help: 'PostgreSQL pool: callers waiting for a connection',
    read: (pool) => pool.waitingCount,
  },
];

/** The pool's counts as gauges, read at each scrape. */
export function registerDatabasePoolGauges(registry: Registry, pool: PoolCounts): void {
  for (const { name, help, read } of GAUGES) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(pool));
      },
    });
  }
}

/** The counts of a pg Pool, checked rather than assumed: pg is reached through TypeORM's driver internals. */
export function poolCountsOf(pool: object): PoolCounts {
  const counts = pool as Partial<Record<keyof PoolCounts, unknown>>;
  for (const key of ['totalCount', 'idleCount', 'waitingCount'] as const) {
    if (typeof counts[key] !== 'number') throw new Error(`the PostgreSQL pool has no numeric ${key}`);
  }
  return pool as PoolCounts;
}
