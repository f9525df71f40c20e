import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { InternalApiKeyEntity } from '@faceauth/admin-api';
import { AppConfig, loadConfig } from '@faceauth/service';
import { serveBenchIpc } from '../server-ipc';
import { PeerModule } from './peer.module';

/**
 * The admin GET's **peer** (issue 21): the same route written the way most Nest teams write it — Nest 12
 * on the Fastify adapter like the service, a global guard (APP_GUARD) checking the hashed internal keys
 * through a TypeORM repository, `ParseUUIDPipe` and a global `ValidationPipe`, `Repository.findOneBy`
 * on the product's entity, the product's encryption library, the same JSON. It reads the same environment
 * as the service (`loadConfig`), so it uses the same database and keys and builds the same URLs.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(
    PeerModule.forConfig(config),
    new FastifyAdapter({ logger: false, bodyLimit: config.http.bodyLimitBytes }),
    { logger: false },
  );
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.init();
  await storeConfiguredKeys(app.get(getRepositoryToken(InternalApiKeyEntity)), config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  serveBenchIpc(port, () => app.close());
}

/**
 * The peer keeps its keys where such an app does, in the keys table (only the SHA-256 of each secret):
 * it stores the configured keys (INTERNAL_API_KEYS, which the service and the bare server hold in
 * memory) unless a row with the same hash is there. Start-up only, never measured.
 */
async function storeConfiguredKeys(keys: Repository<InternalApiKeyEntity>, config: AppConfig): Promise<void> {
  for (const key of config.auth.staticKeys) {
    if (await keys.existsBy({ keyHash: key.hash })) continue;
    await keys.insert({
      id: randomUUID(),
      name: `peer-${key.name}`,
      keyHash: key.hash,
      keyPrefix: 'peer',
      scopes: key.scopes,
      createdAt: new Date(),
      revokedAt: null,
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench peer server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
