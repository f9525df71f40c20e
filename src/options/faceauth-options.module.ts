import { DynamicModule, Module } from '@nestjs/common';
import { FACEAUTH_MODULE_OPTIONS } from '../faceauth.module-definition';
import { RESOLVED_FACEAUTH_OPTIONS, resolveFaceAuthOptions } from './faceauth-options.resolver';

/** Internal: the module that holds the product's options (sync or async) and hands them to every library's `forRootAsync`. */
@Module({})
export class FaceAuthOptionsModule {
  /** `definition` is what the ConfigurableModuleBuilder produced for FaceAuthModule (its options provider). */
  static from(definition: DynamicModule): DynamicModule {
    return {
      module: FaceAuthOptionsModule,
      imports: definition.imports ?? [],
      providers: [
        ...(definition.providers ?? []),
        {
          provide: RESOLVED_FACEAUTH_OPTIONS,
          useFactory: resolveFaceAuthOptions,
          inject: [FACEAUTH_MODULE_OPTIONS],
        },
      ],
      exports: [FACEAUTH_MODULE_OPTIONS, RESOLVED_FACEAUTH_OPTIONS],
    };
  }
}
