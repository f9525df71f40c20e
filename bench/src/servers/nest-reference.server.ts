import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { CanActivate, Controller, ExecutionContext, Get, Injectable, Module } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { serveBenchIpc } from './server-ipc';

/**
 * QUALITY.md's reference stack, nothing of the product: a minimal Nest app on Fastify with one naive global
 * guard and one controller answering `GET /health` with `{"status":"ok"}`. The `floor` row measures the
 * service against it, and it against bare Fastify (QUALITY.md's 1.33× reference figure), in the same rounds.
 */
@Injectable()
class NaiveGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    return request.headers['x-deny'] === undefined;
  }
}

@Controller('health')
class HealthController {
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [HealthController], providers: [{ provide: APP_GUARD, useClass: NaiveGuard }] })
class ReferenceModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ReferenceModule,
    new FastifyAdapter({ logger: false }),
    {
      logger: false,
    },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  serveBenchIpc((app.getHttpServer().address() as AddressInfo).port, () => app.close());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench reference server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
