import { DynamicModule, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@faceauth/core';

/** Provides the one `Clock` every lib resolves; global so that libs only declare the dependency. */
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ClockModule,
      global: true,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
