import { Inject } from '@nestjs/common';
import { OptionGroup, OptionRange, OptionRule, validateModuleOptions } from '@faceauth/core';
import { IsBoolean, IsIn } from 'class-validator';
import { SourceAllowlist } from './intake/source-allowlist';

class VerificationOptions {
  @OptionRange(1, Infinity) maxNotFoundLookups = 3;
  @OptionRange(1, Infinity) lookupsPerSecond = 20;
}

class ProcessorOptions {
  /** Process the inbox in this process (default true). */
  @IsBoolean({ message: 'must be true or false' }) enabled = true;
  @OptionRange(1, Infinity) pollIntervalMs = 1_000;
  @OptionRange(1, Infinity) batchSize = 50;
  /** Rows processed at once per batch (PostgreSQL); SQLite always uses one. */
  @OptionRange(1, Infinity) concurrency = 4;
  @OptionRange(1, Infinity) maxAttempts = 8;
  @OptionRange(1, Infinity) baseDelayMs = 1_000;
  @OptionRange(1, Infinity) maxDelayMs = 300_000;
  /** How long a claimed row stays reserved for its worker. */
  @OptionRange(1, Infinity) leaseMs = 60_000;
}

class ReconcileOptions {
  /** Poll Argos for results the webhooks missed (default true). */
  @IsBoolean({ message: 'must be true or false' }) enabled = true;
  @OptionRange(1, Infinity) intervalMs = 300_000;
  /** How many days back each poll looks (Argos filters by whole dates). */
  @OptionRange(1, Infinity) lookbackDays = 2;
}

/** Options of the webhook feature. Every authenticity check is optional and they combine. */
export class WebhookOptionsSchema {
  /**
   * Secrets accepted in the path (`/webhooks/argos/<secret>`) or the query (`?secret=`). Several may be
   * active at once for rotation. When set, a request without a matching secret gets 401.
   */
  @OptionRule('must be URL-safe strings of at least 16 characters', (v: unknown[]) =>
    v.every((secret) => typeof secret === 'string' && /^[A-Za-z0-9._~-]{16,}$/.test(secret)),
  )
  @OptionRule('must be a list', Array.isArray)
  secrets: string[] = [];
  /** Source addresses or CIDR ranges allowed to call (behind a proxy, enable the host's trust-proxy). */
  @OptionRule('must list IP addresses or CIDR ranges', isAllowlist)
  @OptionRule('must be a list', Array.isArray)
  allowedSources: string[] = [];
  /**
   * Argos "secure data transmission": `auto` decrypts a body that is exactly `{"data": "<ciphertext>"}`;
   * `required` refuses plaintext bodies; `off` never decrypts.
   */
  @IsIn(['auto', 'required', 'off'], { message: 'must be auto, required or off' })
  secureTransmission: 'auto' | 'required' | 'off' = 'auto';
  /** Store what the Argos API says about a result rather than what the webhook said (default true). */
  @IsBoolean({ message: 'must be true or false' }) verifyByFetch = true;
  /**
   * Bounds on the Argos look-ups that verification costs, so that forged webhooks for unknown ids cannot
   * spend the Argos quota: a row whose id Argos does not know after `maxNotFoundLookups` attempts (spread
   * over the retry backoff) ends `unverified` (listed, replayable); all verification look-ups of a process
   * share `lookupsPerSecond`.
   */
  @OptionGroup(() => VerificationOptions) verification = new VerificationOptions();
  @OptionGroup(() => ProcessorOptions) processor = new ProcessorOptions();
  @OptionGroup(() => ReconcileOptions) reconcile = new ReconcileOptions();
}

/** What a host passes: every option optional, groups partially. */
export type WebhookModuleOptions = {
  [K in keyof WebhookOptionsSchema]?: WebhookOptionsSchema[K] extends unknown[]
    ? WebhookOptionsSchema[K]
    : Partial<WebhookOptionsSchema[K]>;
};
export type ResolvedWebhookOptions = WebhookOptionsSchema;

export const WEBHOOK_OPTIONS = Symbol('faceauth:webhook-options');
export const InjectWebhookOptions = (): ParameterDecorator => Inject(WEBHOOK_OPTIONS);

/** Fills defaults and validates once at init; throws `ModuleOptionsError` naming the bad option. */
export const resolveWebhookOptions = (options: WebhookModuleOptions): ResolvedWebhookOptions =>
  validateModuleOptions('WebhookModule', WebhookOptionsSchema, options);

function isAllowlist(sources: string[]): boolean {
  try {
    return new SourceAllowlist(sources) !== undefined;
  } catch {
    return false;
  }
}
