import Database from 'better-sqlite3';
import { AddressInfo, createServer, Server, Socket, connect } from 'node:net';
import { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { DatabaseConfig, dataSourceOptions } from '@faceauth/service';
import { ApiHarness, startApi } from '../support/api-harness';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';

const READER = 'outage-reader-secret-0000000000001';
const WRITER = 'outage-writer-secret-0000000000002';
const KEYS = `reader|links:read,results:read|${READER};writer|links:write|${WRITER}`;
const read = { 'x-api-key': READER };

/** Small timeouts, so that an outage is answered quickly; the assertions allow 3× the longest wait. */
const TIMEOUTS = { connectMs: 500, statementMs: 1_000 };
/** The longest single wait: the client-side read timeout (statement timeout + 1 s of grace). */
const LONGEST_WAIT_MS = TIMEOUTS.statementMs + 1_000;
const ANSWERED_WITHIN_MS = 3 * LONGEST_WAIT_MS;

interface Pair {
  client: Socket;
  upstream?: Socket;
  /** Nothing crosses a held pair any more, in either direction: a connection lost in a partition. */
  held: boolean;
}

/**
 * A TCP proxy on 127.0.0.1 in front of PostgreSQL: `forward`; `blackhole` (connections are accepted and
 * never answered; those already open stop forwarding for good); `refuse` (the port is closed).
 */
class TcpProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<Pair>();
  private blackholed = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async forward(): Promise<void> {
    this.blackholed = false;
    if (!this.server) await this.listen();
  }

  blackhole(): void {
    this.blackholed = true;
    for (const pair of this.pairs) pair.held = true;
  }

  async refuse(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    this.pairs.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async listen(): Promise<void> {
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private accept(client: Socket): void {
    const pair: Pair = { client, held: this.blackholed };
    this.pairs.add(pair);
    client.on('error', () => undefined);
    client.on('close', () => {
      pair.upstream?.destroy();
      this.pairs.delete(pair);
    });
    if (pair.held) return;
    const upstream = connect(this.targetPort, this.targetHost);
    pair.upstream = upstream;
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => {
      if (!pair.held) client.destroy();
    });
    client.on('data', (chunk: Buffer) => {
      if (!pair.held) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!pair.held) client.write(chunk);
    });
  }
}

/** Sends the request and measures how long the answer took; fails the test only through its assertions. */
async function timed(
  api: ApiHarness,
  url: string,
): Promise<{ res: LightMyRequestResponse; elapsedMs: number }> {
  const started = performance.now();
  const res = await api.app.inject({ method: 'GET', url, headers: read });
  return { res, elapsedMs: performance.now() - started };
}

function expectDatabaseUnavailable(res: LightMyRequestResponse): void {
  expect(res.statusCode).toBe(503);
  expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  expect(res.json()).toEqual({
    statusCode: 503,
    code: 'DATABASE_UNAVAILABLE',
    message: 'The database is unavailable: retry later',
    requestId: expect.any(String),
  });
}

/** Polls until the route answers 200 (the service recovers by itself), bounded. */
async function recovers(api: ApiHarness, url: string, withinMs: number): Promise<number> {
  const deadline = performance.now() + withinMs;
  let status = 0;
  while (performance.now() < deadline) {
    status = (await api.app.inject({ method: 'GET', url, headers: read })).statusCode;
    if (status === 200) return status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return status;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const countLines = (logs: string[], text: string) => logs.filter((line) => line.includes(text)).length;
const PROCESSOR_OUTAGE = 'Database unavailable: webhook processing paused';
const PROCESSOR_BACK = 'Database available again: webhook processing resumed';

/** Issue 17: a PostgreSQL that never answers or refuses is a bounded 503, and the service recovers. */
for (const kind of databasesUnderTest().filter((k) => k === 'postgres')) {
  describe(`database outage on ${kind} behind a TCP proxy`, () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    let api: ApiHarness;
    let viaProxyConfig: Extract<DatabaseConfig, { type: 'postgres' }>;
    let refusedFrom = 0;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      if (database.config.type !== 'postgres') throw new Error('expected a PostgreSQL test database');
      const target = new URL(database.config.url);
      proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.forward();
      const viaProxy = new URL(database.config.url);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      viaProxyConfig = { ...database.config, url: viaProxy.toString(), timeouts: TIMEOUTS };
      api = await startApi(kind, {
        database: { ...database, config: viaProxyConfig },
        env: { INTERNAL_API_KEYS: KEYS },
      });
    });
    afterAll(async () => {
      await api?.close();
      await proxy?.refuse();
      await database?.drop();
    });

    it('answers normally through the proxy', async () => {
      expect((await api.app.inject({ method: 'GET', url: '/v1/links', headers: read })).statusCode).toBe(200);
      expect((await api.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    });

    it('answers 503 DATABASE_UNAVAILABLE within a bound while the database never answers', async () => {
      proxy.blackhole();
      // Several requests at once: on held connections of the pool and on new ones that never open.
      const answers = await Promise.all([
        timed(api, '/v1/links'),
        timed(api, '/v1/links?status=active'),
        timed(api, '/v1/results/outage-auth-id'),
        timed(api, '/v1/links'),
        timed(api, '/health/ready'),
        timed(api, '/health/ready'),
      ]);
      for (const { res, elapsedMs } of answers.slice(0, 4)) {
        expectDatabaseUnavailable(res);
        expect(elapsedMs).toBeLessThan(ANSWERED_WITHIN_MS);
      }
      for (const { res, elapsedMs } of answers.slice(4)) {
        expect(res.statusCode).toBe(503);
        expect(elapsedMs).toBeLessThan(ANSWERED_WITHIN_MS);
      }
    });

    it('reports readiness as 503 DATABASE_UNAVAILABLE with the per-check detail', async () => {
      const res = await api.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(res.json()).toEqual({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database is unavailable: retry later',
        requestId: expect.any(String),
        checks: { database: { status: 'down' } },
      });
    });

    it('recovers by itself once the database answers again, although the held connections stay lost', async () => {
      await proxy.forward();
      // Readiness pings run on TypeORM's query runners: a lost connection returned to the pool would fail them.
      expect(await recovers(api, '/health/ready', 4 * ANSWERED_WITHIN_MS)).toBe(200);
      for (let i = 0; i < 8; i++) {
        for (const [url, status] of [
          ['/health/ready', 200],
          ['/v1/links', 200],
          ['/v1/results/outage-auth-id', 404],
        ] as const) {
          const { res, elapsedMs } = await timed(api, url);
          expect(res.statusCode).toBe(status);
          expect(elapsedMs).toBeLessThan(LONGEST_WAIT_MS);
        }
      }
    });

    it('answers 503 DATABASE_UNAVAILABLE when the connection is refused', async () => {
      refusedFrom = api.logs.length;
      await proxy.refuse();
      for (const url of ['/v1/links', '/v1/results/outage-auth-id']) {
        const { res, elapsedMs } = await timed(api, url);
        expectDatabaseUnavailable(res);
        expect(elapsedMs).toBeLessThan(ANSWERED_WITHIN_MS);
      }
      const ready = await api.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        checks: { database: { status: 'down' } },
      });
    });

    it('logs the processor outage once, not once per poll, and never its drain failure', async () => {
      // The processor polls every second; the database stays refused for several polls.
      await sleep(3_500);
      const since = api.logs.slice(refusedFrom);
      expect(countLines(since, PROCESSOR_OUTAGE)).toBeLessThanOrEqual(1);
      // Exactly one outage is open: each logged outage but the current one has logged its end.
      expect(countLines(api.logs, PROCESSOR_OUTAGE)).toBe(countLines(api.logs, PROCESSOR_BACK) + 1);
      expect(countLines(api.logs, 'Inbox drain failed')).toBe(0);
    });

    it('recovers after the refusal: the route, readiness and the processor, which logs the end once', async () => {
      const restoredFrom = api.logs.length;
      await proxy.forward();
      expect(await recovers(api, '/v1/links', 4 * ANSWERED_WITHIN_MS)).toBe(200);
      const ready = await api.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
      const deadline = performance.now() + 15_000;
      while (countLines(api.logs.slice(restoredFrom), PROCESSOR_BACK) === 0 && performance.now() < deadline)
        await sleep(200);
      await sleep(1_500);
      expect(countLines(api.logs.slice(restoredFrom), PROCESSOR_BACK)).toBe(1);
      expect(countLines(api.logs, PROCESSOR_OUTAGE)).toBe(countLines(api.logs, PROCESSOR_BACK));
    });

    it('drops a connection whose statement got no answer, so that the pool does not reuse it', async () => {
      // One connection only: if the lost one went back to the pool, every later query would wait on it.
      const single = new DataSource({
        ...dataSourceOptions({ ...viaProxyConfig, poolSize: 1, migrationsRun: false }),
      });
      await single.initialize();
      try {
        await single.query('SELECT 1');
        proxy.blackhole();
        await expect(single.query('SELECT 1')).rejects.toThrow();
        await proxy.forward();
        const outcomes: string[] = [];
        for (let i = 0; i < 3; i++) {
          outcomes.push(
            await single.query('SELECT 1').then(
              () => 'ok',
              () => 'failed',
            ),
          );
        }
        expect(outcomes).toEqual(['ok', 'ok', 'ok']);
      } finally {
        await single.destroy();
      }
    });
  });
}

/** SQLite: a write lock held past the busy timeout is the same bounded 503. */
for (const kind of databasesUnderTest().filter((k) => k === 'sqlite')) {
  describe(`database busy on ${kind}`, () => {
    let api: ApiHarness;

    beforeAll(async () => {
      api = await startApi(kind, {
        env: { INTERNAL_API_KEYS: KEYS },
        configure: (c) => ({ ...c, database: { ...c.database, busyTimeoutMs: 200 } }),
      });
    });
    afterAll(() => api.close());

    it('answers 503 DATABASE_UNAVAILABLE while another connection holds the write lock, then 201', async () => {
      if (api.config.database.type !== 'sqlite') throw new Error('expected SQLite');
      const holder = new Database(api.config.database.path);
      const mint = () =>
        api.app.inject({
          method: 'POST',
          url: '/v1/links',
          headers: { authorization: `Bearer ${WRITER}` },
          payload: { sid: 'busy-sid', authUserId: 'busy-user' },
        });
      try {
        holder.exec('BEGIN IMMEDIATE');
        const started = performance.now();
        const res = await mint();
        expect(performance.now() - started).toBeLessThan(3_000);
        expectDatabaseUnavailable(res);
      } finally {
        holder.exec('ROLLBACK');
        holder.close();
      }
      expect((await mint()).statusCode).toBe(201);
    });
  });
}
