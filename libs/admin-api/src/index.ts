export { AdminApiModule } from './admin-api.module';
export { ADMIN_API_MODULE_OPTIONS } from './admin-api.module-definition';
export {
  InjectAdminApiOptions,
  type AdminApiModuleOptions,
  type ResolvedAdminApiOptions,
} from './admin-api.options';
export { Scope, ALL_SCOPES, isScope, grants } from './auth/scope.enum';
export { Public, RequireScopes, PUBLIC_ROUTE, REQUIRED_SCOPES } from './auth/auth.metadata';
export { parseStaticApiKeys, type StaticApiKey } from './auth/static-api-keys.parser';
export { hashApiKey, generateApiKey } from './auth/api-key.codec';
export { InternalApiKeyEntity } from './auth/internal-api-key.entity';
export { InternalApiKeyService, type CreatedApiKey } from './auth/internal-api-key.service';
export { ApiKeyRegistry } from './auth/api-key.registry';
export { InternalAuthGuard } from './auth/internal-auth.guard';
export { DevAdminKeyBootstrap } from './auth/dev-admin-key.bootstrap';
export { AuthError, AuthErrorCode } from './auth/auth.error';
export { type ApiKeyPrincipal } from './auth/api-key-principal';
export { ErrorEnvelopeFilter } from './errors/error-envelope.filter';
export { ErrorEnvelope } from './errors/error-envelope';
export { ERROR_CODES, ErrorCodes, AdminApiErrorCode, ARGOS_CODES_BY_STATUS } from './errors/error-code';
export { RequestValidationError } from './errors/request-validation.error';
export { createValidationPipe } from './http/validation.pipe';
export { ApiErrors, errorEnvelopeSchema, type ApiErrorSpec } from './http/api-errors.decorator';
export { ArgosErrorInterceptor } from './http/argos-error.interceptor';
export { argosFailureToDomainError } from './errors/argos-upstream.error';
export { CleanupController } from './cleanup/cleanup.controller';
export { LegalHoldController } from './cleanup/legal-hold.controller';
export { UserBiometricsController } from './cleanup/user-biometrics.controller';
export { toLinkDto } from './links/link-dto.mapper';
export { LinkDto } from './links/link.dto';
export { toResultDto } from './results/result-dto.mapper';
export { ResultDto } from './results/result.dto';
export { NotificationEndpointsController } from './notifications/notification-endpoints.controller';
export {
  CreateNotificationEndpointDto,
  UpdateNotificationEndpointDto,
  NotificationEndpointDto,
  NotificationEndpointWithSecretDto,
  NotificationDeliveryDto,
  NotificationDeliveryPageDto,
} from './notifications/notification-endpoint.dto';
export {
  toDeliveryDto,
  toEndpointDto,
  toEndpointWithSecretDto,
} from './notifications/notification-endpoint-dto.mapper';
export { resolveAdminApiOptions } from './admin-api.options';
