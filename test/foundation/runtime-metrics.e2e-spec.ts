import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';

const SCRAPER = 'runtime-metrics-scraper-secret-00000001';

/** Issue 19: process and runtime series, the PostgreSQL pool, Swagger out of the latency histogram. */
describe.each(databasesUnderTest())('runtime metrics and start-up logs on %s', (kind) => {
  let api: ApiHarness;
  let startup: string[];

  beforeAll(async () => {
    api = await startApi(kind, {
      env: {
        INTERNAL_API_KEYS: `scraper|metrics:read|${SCRAPER}`,
        SWAGGER_ENABLED: 'true',
        // Nothing in the background borrows a pool connection while the gauges are read.
        CLEANUP_ENABLED: 'false',
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        RECONCILE_ENABLED: 'false',
      },
    });
    startup = api.logs.map((line) => (JSON.parse(line) as { msg: string }).msg);
  });
  afterAll(() => api.close());

  const scrape = async (): Promise<string> => {
    const res = await api.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-api-key': SCRAPER } });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  const value = (text: string, series: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.split(' ').pop()) : NaN;
  };

  it("logs Nest's start but not its module and route wiring at info", () => {
    expect(startup).toContain('Nest application successfully started');
    expect(startup.filter((msg) => /^Mapped \{|dependencies initialized$|\{\/[^}]*\}:$/.test(msg))).toEqual(
      [],
    );
  });

  it('exposes process and runtime series with the faceauth_ prefix', async () => {
    const text = await scrape();
    expect(value(text, 'faceauth_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(value(text, 'faceauth_process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(value(text, 'faceauth_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE faceauth_nodejs_eventloop_lag_seconds gauge');
    expect(text).toMatch(/^faceauth_nodejs_version_info\{/m);
  });

  it(
    kind === 'postgres'
      ? 'reports the PostgreSQL pool: open, idle and waiting'
      : 'reports no database pool (SQLite has none)',
    async () => {
      if (kind === 'sqlite') {
        expect(await scrape()).not.toContain('faceauth_database_pool');
        return;
      }
      const runner = api.app.get(DataSource).createQueryRunner();
      await runner.connect();
      try {
        const text = await scrape();
        const open = value(text, 'faceauth_database_pool_connections');
        expect(open).toBeGreaterThanOrEqual(1);
        // The held runner's connection is open and not idle.
        expect(value(text, 'faceauth_database_pool_idle_connections')).toBeLessThanOrEqual(open - 1);
        expect(value(text, 'faceauth_database_pool_waiting_clients')).toBe(0);
      } finally {
        await runner.release();
      }
    },
  );

  it('keeps Swagger requests out of the HTTP latency histogram', async () => {
    for (const url of ['/docs', '/docs/swagger-ui.css', '/docs-json']) {
      expect((await api.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    }
    await api.app.inject({ method: 'GET', url: '/health' });
    const text = await scrape();
    const routes = text
      .split('\n')
      .filter((l) => l.startsWith('faceauth_http_request_duration_seconds_count{'))
      .map((l) => /route="([^"]*)"/.exec(l)?.[1]);
    expect(routes).toContain('/health');
    expect(routes.filter((route) => route?.startsWith('/docs'))).toEqual([]);
  });
});
