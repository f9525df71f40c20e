import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { CanActivate, Controller, ExecutionContext, Get, Injectable, Module } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify from 'fastify';
import { serveBenchIpc } from './server-ipc';

/**
 * QUALITY.md's reference stacks, nothing of the product: `REFERENCE_STACK=nest` is a minimal Nest app on
 * Fastify with one naive global guard and one controller, `REFERENCE_STACK=fastify` bare Fastify; both
 * answer `GET /health` with `{"status":"ok"}`. The `nest-reference` row measures one against the other to
 * show, in the same run, what Nest itself costs on this machine, next to what the service costs (`floor`).
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
  if (process.env.REFERENCE_STACK === 'fastify') {
    const app = Fastify({ logger: false });
    app.get('/health', async () => ({ status: 'ok' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    serveBenchIpc((app.server.address() as AddressInfo).port, () => app.close());
    return;
  }
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
