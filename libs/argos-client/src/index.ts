// Public surface of @faceauth/argos-client. Everything else is internal.

// Client
export { ArgosClient } from './client/argos-client';
export { createArgosClient, createArgosTransport } from './client/argos-client.factory';
export type {
  CallOptions,
  ListResultsPageQuery,
  ListResultsQuery,
  SubmitFaceImageInput,
} from './client/argos-call.interface';

// Errors
export { ArgosErrorCode } from './errors/argos-error-code.enum';
export { ArgosClientError } from './errors/argos-client.error';
export type { ArgosClientErrorDetails } from './errors/argos-client.error';
export type { ArgosOperation } from './errors/argos-operation.type';
export { ArgosConfigErrorCode } from './errors/argos-config-error-code.enum';
export { ArgosConfigError } from './errors/argos-config.error';

// Records and normalisation
export type {
  FaceAuthListKey,
  FaceAuthListPage,
  FaceAuthRecord,
  FaceAuthScores,
  FaceAuthStatus,
} from './normalization/faceauth-record.interface';
export { normalizeRecord } from './normalization/faceauth-record.normalizer';
export { normalizeListPage } from './normalization/faceauth-list.normalizer';
export { parseArgosTimestamp } from './normalization/argos-timestamp.parser';
export { decodeArgosImage } from './normalization/faceauth-image.decoder';
export type { FaceImage } from './normalization/faceauth-image.decoder';
export { detectImageMimeType } from './normalization/image-mime.detector';
export type { FaceImageMimeType } from './normalization/image-mime.detector';

// Configuration
export type { ArgosClientModuleOptions, ArgosProjectCredentials } from './config/argos-client-options.schema';
export type { ArgosCallObserver } from './config/argos-call.observer';
export type { ResolvedArgosClientOptions } from './config/argos-client-options.interface';
export { resolveArgosClientOptions } from './config/argos-client-options.resolver';

// Transport seam and resilience
export type {
  ArgosHttpMethod,
  ArgosHttpRequest,
  ArgosHttpResponse,
  ArgosTransport,
} from './http/argos-transport.interface';
export { ArgosTransportError } from './http/argos-transport.error';
export type { TransportFailureKind } from './http/argos-transport.error';
export type { CircuitState } from './resilience/circuit-breaker';

// Nest module
export { ArgosClientModule } from './module/argos-client.module';
export { ArgosClientRegistry } from './module/argos-client.registry';
export {
  InjectArgosClient,
  InjectArgosClientOptions,
  InjectArgosClientRegistry,
} from './module/argos-client.decorator';
export {
  ARGOS_CLIENT,
  ARGOS_CLIENT_MODULE_OPTIONS,
  ARGOS_CLIENT_OPTIONS,
  ARGOS_TRANSPORT,
} from './module/argos-client.tokens';
export {
  ARGOS_CLIENT_ASYNC_OPTIONS_TYPE,
  ARGOS_CLIENT_OPTIONS_TYPE,
} from './module/argos-client.module-definition';
