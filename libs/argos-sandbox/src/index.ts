// The sandbox's public surface: the standalone app (apps/argos-sandbox), the repository's tests and
// `faceauth/testing` (libs/testing) start it from here.
export { createSandboxApp } from './sandbox.factory';
export type { SandboxHandle } from './sandbox.factory';
export type { SandboxControls } from './core/sandbox-controls';
export { resolveSandboxConfig } from './config/sandbox-config.resolver';
export { SandboxConfigError } from './config/sandbox-config.error';
export { loadSandboxConfigFromEnv, DEFAULT_SANDBOX_PORT } from './config/sandbox-env.config';
export {
  DEFAULT_API_KEY,
  DEFAULT_PID,
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_POLICY,
} from './config/sandbox-config.defaults';
export type {
  SandboxConfig,
  SandboxConfigInput,
  ProjectConfig,
  ProjectConfigInput,
  ProjectConfigPatch,
  TokenExpirationConfig,
  WebhookOrder,
  WebhookVersion,
} from './config/sandbox-config.type';
export { SEEDED_SUBMISSIONS } from './state/submission.seed';
export { makeFacePng, makeJpeg } from './state/sample-images';
export { MAGIC_VALUES, MATCH_SIMILARITY, OCCLUSION_DETECTION_SCORE } from './decision/decision.engine';
export { HostedPageErrorCode } from './hosted/hosted-page.error';
export { FAULT_KINDS, DEFAULT_SLOW_MS } from './faults/fault.type';
export type { FaultKind, ScheduledFault } from './faults/fault.type';
export type { WebhookDelivery } from './webhooks/webhook-delivery.type';
export type { SandboxStats } from './stats/call-stats.recorder';
