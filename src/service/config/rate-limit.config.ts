import { AppConfig } from './app-config';
import { ConfigError } from './config.error';
import { EnvReader } from './env-reader.config';

/**
 * Where the short-link rate limit keeps its counters: in memory by default (one instance), or in Redis
 * (`RATE_LIMIT_REDIS_URL`), so that the limit holds across every instance behind a load balancer.
 */
export function readRateLimitStore(env: EnvReader): AppConfig['http']['rateLimit'] {
  const redisUrl = env.optionalString('RATE_LIMIT_REDIS_URL') ?? null;
  if (redisUrl !== null) {
    let protocol: string;
    try {
      protocol = new URL(redisUrl).protocol;
    } catch {
      protocol = '';
    }
    if (protocol !== 'redis:' && protocol !== 'rediss:')
      throw new ConfigError('RATE_LIMIT_REDIS_URL', 'must be a redis:// or rediss:// URL');
  }
  const redisPrefix = env.string('RATE_LIMIT_REDIS_PREFIX', 'faceauth-rate-limit:');
  if (!/^[A-Za-z0-9:._-]{1,64}$/.test(redisPrefix))
    throw new ConfigError('RATE_LIMIT_REDIS_PREFIX', 'must be 1-64 characters of A-Z a-z 0-9 : . _ -');
  return { redisUrl, redisPrefix };
}
