import { DynamicModule, Module } from '@nestjs/common';
import { AdminApiModule, Public } from '@faceauth/admin-api';
import { ArgosClientModule } from '@faceauth/argos-client';
import { FaceAuthMetrics } from '@faceauth/core';
import { EncryptionModule } from '@faceauth/encryption';
import { NotificationsModule } from '@faceauth/notifications';
import { ResultsModule } from '@faceauth/results';
import { RetentionModule } from '@faceauth/retention';
import { TokenPolicyModule } from '@faceauth/token-policy';
import { WebhookModule } from '@faceauth/webhook';
import { ClockModule } from './clock.module';
import { DatabaseSettingsApplier } from './database/database-settings.applier';
import { FACEAUTH_HEALTH_INDICATORS } from './health/health-indicators.providers';
import { FaceAuthOptionsModule } from './options/faceauth-options.module';
import {
  FACEAUTH_ASYNC_OPTIONS_TYPE,
  FACEAUTH_OPTIONS_TYPE,
  FaceAuthConfigurableModule,
  FaceAuthModuleExtras,
} from './faceauth.module-definition';
import { MetricsModule } from './metrics/metrics.module';
import { PrometheusFaceAuthMetrics } from './metrics/prometheus.metrics';
import { RESOLVED_FACEAUTH_OPTIONS, ResolvedFaceAuthOptions } from './options/faceauth-options.resolver';
import { libOptions } from './options/lib-options.mapper';

/**
 * The product as one module: encryption, token policy, the Argos client, results, webhooks, retention and the
 * admin API, configured from one options object (`forRoot`) or a factory (`forRootAsync`, e.g. from the
 * host's ConfigService). The host owns the TypeORM DataSource (add {@link FACEAUTH_ENTITIES} and
 * {@link FACEAUTH_MIGRATIONS} to it) and, for host events, `EventEmitterModule.forRoot()`.
 */
@Module({})
export class FaceAuthModule extends FaceAuthConfigurableModule {
  static override forRoot(options: typeof FACEAUTH_OPTIONS_TYPE): DynamicModule {
    return FaceAuthModule.compose(super.forRoot(options), options);
  }

  static override forRootAsync(options: typeof FACEAUTH_ASYNC_OPTIONS_TYPE): DynamicModule {
    return FaceAuthModule.compose(super.forRootAsync(options), options);
  }

  private static compose(definition: DynamicModule, extras: FaceAuthModuleExtras): DynamicModule {
    const options = FaceAuthOptionsModule.from(definition);
    const fromOptions = <T>(map: (o: ResolvedFaceAuthOptions) => T) => ({
      imports: [options],
      inject: [RESOLVED_FACEAUTH_OPTIONS],
      useFactory: map,
    });
    return {
      module: FaceAuthModule,
      imports: [
        options,
        ClockModule.forRoot(extras.clock),
        MetricsModule.forRoot(options),
        EncryptionModule.forRootAsync({ isGlobal: true, ...fromOptions(libOptions.encryption) }),
        TokenPolicyModule.forRootAsync({ isGlobal: true, ...fromOptions(libOptions.tokenPolicy) }),
        ArgosClientModule.forRootAsync({
          isGlobal: true,
          imports: [options],
          inject: [RESOLVED_FACEAUTH_OPTIONS, FaceAuthMetrics],
          useFactory: (o: ResolvedFaceAuthOptions, metrics: FaceAuthMetrics) =>
            libOptions.argosClient(o, metrics instanceof PrometheusFaceAuthMetrics ? metrics : NO_OBSERVER),
        }),
        ResultsModule.forRootAsync({ isGlobal: true, ...fromOptions(libOptions.results) }),
        WebhookModule.forRootAsync({
          isGlobal: true,
          controller: extras.controllers?.webhook === true,
          path: extras.webhookPath ?? 'webhooks/argos',
          controllerDecorators: [Public()],
          ...fromOptions(libOptions.webhook),
        }),
        RetentionModule.forRootAsync({ isGlobal: true, ...fromOptions(libOptions.retention) }),
        NotificationsModule.forRootAsync({ isGlobal: true, ...fromOptions(libOptions.notifications) }),
        AdminApiModule.forRootAsync({
          isGlobal: true,
          controllers: {
            adminApi: extras.controllers?.adminApi === true,
            shortLinks: extras.controllers?.shortLinks === true,
            metrics: extras.controllers?.metrics === true,
          },
          ...fromOptions(libOptions.adminApi),
        }),
      ],
      providers: [DatabaseSettingsApplier, ...FACEAUTH_HEALTH_INDICATORS],
      exports: [options, ...FACEAUTH_HEALTH_INDICATORS],
    };
  }
}

const NO_OBSERVER = { callCompleted: () => undefined, circuitChanged: () => undefined };
