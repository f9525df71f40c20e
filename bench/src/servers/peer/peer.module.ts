import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { InternalApiKeyEntity } from '@faceauth/admin-api';
import { deriveKey, FaceAuthUrlBuilder } from '@faceauth/encryption';
import { AppConfig, dataSourceOptions } from '@faceauth/service';
import { FaceAuthTokenEntity } from '@faceauth/token-policy';
import { PeerApiKeyGuard } from './peer-api-key.guard';
import { PeerLinksController } from './peer-links.controller';
import { PEER_PUBLIC_BASE_URL, PeerLinkView } from './peer-link.view';

/**
 * The peer's connection: the service's own DataSource settings (same database, pool size, SQLite pragmas,
 * table names), with only the two entities the route needs and no migrations (the service migrated the
 * schema before the peer starts).
 */
export function peerDataSourceOptions(config: AppConfig): DataSourceOptions {
  return {
    ...dataSourceOptions(config.database),
    entities: [FaceAuthTokenEntity, InternalApiKeyEntity],
    migrations: [],
    migrationsRun: false,
  } as DataSourceOptions;
}

/**
 * The peer app: one controller, a global guard, TypeORM repositories on the product's entities, and the
 * URL builder of the default project built as the bare server builds it (same key, pid, form URL).
 */
@Module({})
export class PeerModule {
  static forConfig(config: AppConfig): DynamicModule {
    const project = config.projects.find((p) => p.name === config.defaultProject) ?? config.projects[0];
    const urls = new FaceAuthUrlBuilder({
      pid: project.pid,
      key: deriveKey(project.secretKey ?? project.apiKey),
      formUrl: config.argos.formUrl,
      cipher: project.cipher,
      format: project.plaintextFormat,
    });
    return {
      module: PeerModule,
      imports: [
        TypeOrmModule.forRoot(peerDataSourceOptions(config)),
        TypeOrmModule.forFeature([FaceAuthTokenEntity, InternalApiKeyEntity]),
      ],
      controllers: [PeerLinksController],
      providers: [
        { provide: APP_GUARD, useClass: PeerApiKeyGuard },
        { provide: FaceAuthUrlBuilder, useValue: urls },
        { provide: PEER_PUBLIC_BASE_URL, useValue: config.http.publicBaseUrl },
        PeerLinkView,
      ],
    };
  }
}
