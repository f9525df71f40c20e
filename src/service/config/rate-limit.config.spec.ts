import { EnvReader } from './env-reader.config';
import { readRateLimitStore } from './rate-limit.config';

const read = (env: Record<string, string>) => readRateLimitStore(new EnvReader(env));

describe('rate-limit store settings', () => {
  it('keeps counters in memory unless a Redis URL is given', () => {
    expect(read({})).toEqual({ redisUrl: null, redisPrefix: 'faceauth-rate-limit:' });
    expect(
      read({ RATE_LIMIT_REDIS_URL: 'rediss://cache:6380/2', RATE_LIMIT_REDIS_PREFIX: 'svc-a:' }),
    ).toEqual({
      redisUrl: 'rediss://cache:6380/2',
      redisPrefix: 'svc-a:',
    });
  });

  it.each<[Record<string, string>, string]>([
    [{ RATE_LIMIT_REDIS_URL: 'http://cache:6379' }, 'RATE_LIMIT_REDIS_URL'],
    [{ RATE_LIMIT_REDIS_URL: 'not a url' }, 'RATE_LIMIT_REDIS_URL'],
    [{ RATE_LIMIT_REDIS_PREFIX: 'has space' }, 'RATE_LIMIT_REDIS_PREFIX'],
  ])('refuses %p naming the setting', (env, name) => {
    expect(() => read(env)).toThrow(name);
  });
});
