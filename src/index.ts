/**
 * The public surface of the faceauth package: the module, its options, tokens, decorators, the services a
 * host injects, the entities and migrations for the host's DataSource, and the events it can react to.
 */
export { FaceAuthModule } from './faceauth.module';
export { FaceAuthOptionsError, preflightFaceAuthOptions } from './options/faceauth-options.preflight';
export {
  FACEAUTH_MODULE_OPTIONS,
  FACEAUTH_OPTIONS_TYPE,
  FACEAUTH_ASYNC_OPTIONS_TYPE,
  type FaceAuthControllers,
  type FaceAuthModuleExtras,
} from './faceauth.module-definition';
export type { FaceAuthModuleOptions } from './options/faceauth-module.options';
export type { FaceAuthProject, TokenExpirationSetting } from './options/faceauth-project';
export {
  InjectFaceAuthOptions,
  RESOLVED_FACEAUTH_OPTIONS,
  type ResolvedFaceAuthOptions,
} from './options/faceauth-options.resolver';
export { FACEAUTH_ENTITIES, FACEAUTH_MIGRATIONS } from './database/faceauth-schema';
export { ClockModule } from './clock.module';
export {
  OnFaceAuthOutcome,
  OnFaceAuthResult,
  OnFaceAuthTokenExpired,
} from './events/faceauth-event.decorator';
export { PrometheusFaceAuthMetrics } from './metrics/prometheus.metrics';
export * from './health';

// Services and tokens of the libraries, re-exported so that a host imports everything from one package.
export {
  Clock,
  SystemClock,
  ManualClock,
  FaceAuthMetrics,
  DomainError,
  DomainErrorKind,
  faceAuthNamingStrategy,
  FACEAUTH_TABLES,
  DEFAULT_TABLE_PREFIX,
  type FaceAuthTable,
} from '@faceauth/core';
export {
  LinkService,
  ShortLinkService,
  TokenError,
  TokenErrorCode,
  FACEAUTH_OUTCOME_EVENT,
  type FaceAuthOutcomeEvent,
  type LinkOutcome,
  type LinkOutcomeStatus,
  type LinkView,
  type MintLinkInput,
} from '@faceauth/token-policy';
export {
  ResultsService,
  ResultError,
  ResultErrorCode,
  type IdentitySource,
  type PolicyViolation,
  type ResultIdentity,
  type ResultView,
} from '@faceauth/results';
export {
  ArgosClient,
  ArgosClientRegistry,
  ArgosClientError,
  ArgosErrorCode,
  InjectArgosClient,
  InjectArgosClientRegistry,
  type FaceAuthRecord,
} from '@faceauth/argos-client';
export { FaceAuthUrlService, FaceAuthUrlBuilder, deriveKey, DecryptionError } from '@faceauth/encryption';
export {
  FACEAUTH_RESULT_EVENT,
  FACEAUTH_TOKEN_EXPIRED_EVENT,
  WebhookProcessor,
  WebhookReconciler,
  type FaceAuthResultEvent,
  type FaceAuthTokenExpiredEvent,
} from '@faceauth/webhook';
export {
  Public,
  RequireScopes,
  Scope,
  InternalApiKeyService,
  ErrorEnvelopeFilter,
  ArgosErrorInterceptor,
} from '@faceauth/admin-api';
