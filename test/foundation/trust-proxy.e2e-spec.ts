import { randomUUID } from 'node:crypto';
import { SHORT_LINK_RATE_LIMIT } from '../../libs/admin-api/src/links/short-link.controller';
import { ApiHarness, startApi } from '../support/api-harness';

/**
 * Behind one proxy (here the test's loopback peer) the client address is the entry our proxy appended, the
 * right-most of `X-Forwarded-For`; whatever the client wrote to the left of it does not change who it is.
 * The short-link rate limit keys on that address. (No database is involved: SQLite only.)
 */
describe.each([
  ['a hop count', '1'],
  ['private-network proxies (true)', 'true'],
  ["the proxy's address", '127.0.0.1'],
])('proxy trust by %s', (_name, setting) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi('sqlite', { env: { TRUST_PROXY: setting } });
  });
  afterAll(() => api.close());

  const open = (forwardedFor: string) =>
    api.app.inject({
      method: 'GET',
      url: `/l/${randomUUID()}`,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('limits a client that rotates the left-most X-Forwarded-For entry', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= SHORT_LINK_RATE_LIMIT.max; i++) {
      statuses.push((await open(`198.51.100.${i % 250}, 203.0.113.7`)).statusCode);
    }
    expect(statuses.slice(0, SHORT_LINK_RATE_LIMIT.max).every((s) => s === 404)).toBe(true);
    expect(statuses[SHORT_LINK_RATE_LIMIT.max]).toBe(429);
    // Another client behind the same proxy has its own allowance.
    expect((await open('198.51.100.1, 203.0.113.8')).statusCode).toBe(404);
  });
});
