import { DynamicModule, Module } from '@nestjs/common';
import { FaceAuthMetrics } from '@faceauth/core';

/** Provides the one `FaceAuthMetrics` every lib reports to; global so that libs only declare the dependency. */
@Module({})
export class MetricsModule {
  static forRoot(metrics: FaceAuthMetrics): DynamicModule {
    return { module: MetricsModule, global: true, providers: [{ provide: FaceAuthMetrics, useValue: metrics }], exports: [FaceAuthMetrics] };
  }
}
