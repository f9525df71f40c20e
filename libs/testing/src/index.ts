/**
 * `faceauth/testing`: what `stripe-mock` is to Stripe's users. It starts the offline Argos sandbox (REST API,
 * hosted page, webhooks, faults) inside a host's test process, hands over the options that point
 * `FaceAuthModule` at it, and types its control API.
 *
 * ```ts
 * const sandbox = await startArgosSandbox();
 * FaceAuthModule.forRoot({ projects: [sandbox.project], argos: sandbox.argos, http: { publicBaseUrl }, ... });
 * sandbox.controls.webhooks.sendTo(`${hostUrl}/webhooks/argos`);
 * const { authId } = await sandbox.controls.completeFaceAuth(link.url); // then the host sees the outcome
 * ```
 *
 * Test support only: never import it from production code.
 */
export { startArgosSandbox } from './argos-sandbox.testing';
export type {
  ArgosSandbox,
  ArgosSandboxControls,
  ArgosSandboxEndpoints,
  ArgosSandboxFaultOptions,
  ArgosSandboxProject,
  ArgosSandboxSubmissionInput,
  StartArgosSandboxOptions,
} from './argos-sandbox.testing';
export { ArgosSandboxPageError } from './hosted-page.driver';
export type { FaceAuthAttempt, FaceAuthOutcome } from './hosted-page.driver';

// The sandbox's own public surface, for tests that need more than the helper.
export {
  createSandboxApp,
  SandboxConfigError,
  DEFAULT_API_KEY,
  DEFAULT_PID,
  DEFAULT_POLICY,
  SEEDED_SUBMISSIONS,
  MAGIC_VALUES,
  MATCH_SIMILARITY,
  FAULT_KINDS,
  HostedPageErrorCode,
  makeFacePng,
  makeJpeg,
} from '@faceauth/argos-sandbox';
export type {
  FaultKind,
  ProjectConfigInput,
  ProjectConfigPatch,
  SandboxConfigInput,
  SandboxControls,
  SandboxHandle,
  SandboxStats,
  ScheduledFault,
  TokenExpirationConfig,
  WebhookDelivery,
  WebhookOrder,
  WebhookVersion,
} from '@faceauth/argos-sandbox';
