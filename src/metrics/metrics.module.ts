import { DynamicModule, Module } from '@nestjs/common';
import { FaceAuthMetrics } from '@faceauth/core';
import { NotificationMetrics } from '@faceauth/notifications';
import { RESOLVED_FACEAUTH_OPTIONS, ResolvedFaceAuthOptions } from '../options/faceauth-options.resolver';
import { DatabasePoolMetrics } from './database-pool.metrics';
import { NotificationBacklogMetrics } from './notification-backlog.metrics';
import { PrometheusFaceAuthMetrics } from './prometheus.metrics';

/** Provides the one `FaceAuthMetrics` every lib reports to; global so that libs only declare the dependency. */
@Module({})
export class MetricsModule {
  static forRoot(optionsHost: DynamicModule): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      imports: [optionsHost],
      providers: [
        {
          provide: FaceAuthMetrics,
          useFactory: (o: ResolvedFaceAuthOptions) =>
            new PrometheusFaceAuthMetrics(o.projects.map((p) => p.name)),
          inject: [RESOLVED_FACEAUTH_OPTIONS],
        },
        {
          provide: NotificationMetrics,
          useFactory: (metrics: PrometheusFaceAuthMetrics): NotificationMetrics => ({
            notification: (event, count) => metrics.notification(event, count),
          }),
          inject: [FaceAuthMetrics],
        },
        DatabasePoolMetrics,
        NotificationBacklogMetrics,
      ],
      exports: [FaceAuthMetrics, NotificationMetrics],
    };
  }
}
