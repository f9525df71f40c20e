import { randomUUID } from 'node:crypto';
import { SHORT_LINK_RATE_LIMIT } from '../../libs/admin-api/src/links/short-link.controller';
import { ApiHarness, startApi } from '../support/api-harness';

/** Set by .ci/run (Redis runs on this project's machines); without it the suite has nothing to talk to. */
const REDIS_URL = process.env.FACEAUTH_TEST_REDIS_URL;

/**
 * With `RATE_LIMIT_REDIS_URL`, two instances share the short-link limit: a client spreading its requests
 * over both gets no more than one allowance. (No database is involved: SQLite only.)
 */
for (const redisUrl of REDIS_URL ? [REDIS_URL] : []) {
  describe('the short-link rate limit across two instances sharing Redis', () => {
    const instances: ApiHarness[] = [];

    beforeAll(async () => {
      const env = {
        RATE_LIMIT_REDIS_URL: redisUrl,
        RATE_LIMIT_REDIS_PREFIX: `faceauth-test-${randomUUID()}:`,
      };
      instances.push(await startApi('sqlite', { env }), await startApi('sqlite', { env }));
    });
    afterAll(async () => {
      for (const api of instances) await api.close();
    });

    const open = (api: ApiHarness, client: string) =>
      api.app.inject({ method: 'GET', url: `/l/${randomUUID()}`, remoteAddress: client });

    it('allows one allowance in all, whichever instance answers', async () => {
      const statuses: number[] = [];
      for (let i = 0; i <= SHORT_LINK_RATE_LIMIT.max; i++) {
        statuses.push((await open(instances[i % 2], '203.0.113.50')).statusCode);
      }
      expect(statuses.slice(0, SHORT_LINK_RATE_LIMIT.max).every((s) => s === 404)).toBe(true);
      expect(statuses[SHORT_LINK_RATE_LIMIT.max]).toBe(429);
      expect((await open(instances[0], '203.0.113.50')).statusCode).toBe(429);
      // Another client keeps its own allowance.
      expect((await open(instances[1], '203.0.113.51')).statusCode).toBe(404);
    });
  });
}

describe('the short-link rate limit with an unreachable Redis', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    api = await startApi('sqlite', { env: { RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => api.close());

  it('lets the short link through rather than failing it', async () => {
    const res = await api.app.inject({ method: 'GET', url: `/l/${randomUUID()}` });
    expect(res.statusCode).toBe(404);
  });
});
