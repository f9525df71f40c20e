import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ADMIN_API_MODULE_OPTIONS, AdminApiConfigurableModule } from './admin-api.module-definition';
import { ADMIN_API_OPTIONS, AdminApiModuleOptions, resolveAdminApiOptions } from './admin-api.options';
import { ApiKeyRegistry } from './auth/api-key.registry';
import { DevAdminKeyBootstrap } from './auth/dev-admin-key.bootstrap';
import { InternalApiKeyEntity } from './auth/internal-api-key.entity';
import { InternalApiKeyService } from './auth/internal-api-key.service';
import { InternalAuthGuard } from './auth/internal-auth.guard';

/**
 * The HTTP face of the product: internal auth (scoped API keys) and the admin controllers. The internal-auth
 * guard sits on each admin controller (see `AdminController`), never globally: a host's own routes never meet
 * it. The host supplies the TypeORM DataSource and a `Clock` provider.
 */
@Module({
  imports: [TypeOrmModule.forFeature([InternalApiKeyEntity])],
  providers: [
    {
      provide: ADMIN_API_OPTIONS,
      useFactory: (options: AdminApiModuleOptions) => resolveAdminApiOptions(options),
      inject: [ADMIN_API_MODULE_OPTIONS],
    },
    ApiKeyRegistry,
    InternalApiKeyService,
    DevAdminKeyBootstrap,
    InternalAuthGuard,
  ],
  exports: [
    ApiKeyRegistry,
    InternalApiKeyService,
    DevAdminKeyBootstrap,
    InternalAuthGuard,
    ADMIN_API_OPTIONS,
  ],
})
export class AdminApiModule extends AdminApiConfigurableModule {}
