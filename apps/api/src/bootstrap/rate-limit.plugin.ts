import fastifyRateLimit, { RateLimitPluginOptions } from '@fastify/rate-limit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { AppConfig } from '@faceauth/service';

/**
 * Registers `@fastify/rate-limit` (routes opt in with `@RouteConfig({ rateLimit })`; the public short link
 * does). With a Redis URL the counters are shared by every instance; a Redis that fails or is unreachable
 * lets requests through (`skipOnError`) rather than turning the short link off, and the client gives up on
 * a command quickly so a request never waits on it for long.
 */
export async function registerRateLimit(
  app: NestFastifyApplication,
  config: AppConfig['http']['rateLimit'],
): Promise<void> {
  const options: RateLimitPluginOptions = { global: false };
  if (config.redisUrl !== null) {
    const redis = new Redis(config.redisUrl, {
      connectionName: 'faceauth-rate-limit',
      connectTimeout: 500,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    // Errors surface per command (skipOnError); without a listener ioredis would report them as unhandled.
    redis.on('error', () => undefined);
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onClose', async () => {
        await redis.quit().catch(() => redis.disconnect());
      });
    Object.assign(options, { redis, nameSpace: config.redisPrefix, skipOnError: true });
  }
  await app.register(fastifyRateLimit, options);
}
