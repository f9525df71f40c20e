import { DynamicModule, Module } from '@nestjs/common';
import { AdminApiModule, Public } from '@faceauth/admin-api';
import { ArgosClientModule } from '@faceauth/argos-client';
import { EncryptionModule } from '@faceauth/encryption';
import { ResultsModule } from '@faceauth/results';
import { RetentionModule } from '@faceauth/retention';
import { TokenPolicyModule } from '@faceauth/token-policy';
import { WebhookModule } from '@faceauth/webhook';
import { MetricsModule } from './metrics/metrics.module';
import { PrometheusFaceAuthMetrics } from './metrics/prometheus.metrics';
import { FaceAuthModuleOptions } from './options/faceauth-module.options';

/**
 * The product as one module: encryption, token policy and the admin API, configured from one options
 * object. The host supplies the TypeORM DataSource (with {@link FACEAUTH_ENTITIES}) and a `Clock`
 * (`ClockModule`).
 */
@Module({})
export class FaceAuthModule {
  static forRoot(options: FaceAuthModuleOptions): DynamicModule {
    const metrics = new PrometheusFaceAuthMetrics(options.projects.map((p) => p.name));
    return {
      module: FaceAuthModule,
      imports: [
        MetricsModule.forRoot(metrics),
        EncryptionModule.forRoot({
          isGlobal: true,
          formUrl: options.argos.formUrl,
          defaultProject: options.defaultProject,
          projects: options.projects.map((p) => ({
            name: p.name,
            pid: p.pid,
            keyString: p.secretKey ?? p.apiKey,
            cipher: p.cipher,
            format: p.plaintextFormat,
          })),
        }),
        TokenPolicyModule.forRoot({
          isGlobal: true,
          projects: options.projects.map((p) => ({ name: p.name, tokenExpiration: p.tokenExpiration })),
          defaultProject: options.defaultProject,
          unusedLinkTtlSeconds: options.links?.unusedLinkTtlSeconds,
          maxUnusedLinkTtlSeconds: options.links?.maxUnusedLinkTtlSeconds,
        }),
        ArgosClientModule.forRoot({
          isGlobal: true,
          baseUrl: options.argos.apiBaseUrl,
          projects: options.projects.map((p) => ({ name: p.name, apiKey: p.apiKey })),
          defaultProject: options.defaultProject,
          ...options.argos.client,
          observer: metrics,
        }),
        ResultsModule.forRoot({ isGlobal: true, maxImageBytes: options.argos.client?.maxImageBytes }),
        WebhookModule.forRoot({
          isGlobal: true,
          ...options.webhooks,
          path: options.webhooks?.path ?? 'webhooks/argos',
          controllerDecorators: [Public()],
        }),
        RetentionModule.forRoot({ ...options.retention, isGlobal: true }),
        AdminApiModule.forRoot({
          publicBaseUrl: options.http.publicBaseUrl,
          staticKeys: options.http.staticKeys,
          keyRefreshMs: options.http.keyRefreshMs,
          globalGuard: options.http.globalGuard,
        }),
      ],
    };
  }
}
