import { Inject } from '@nestjs/common';

/** Options of the webhook feature. Every authenticity check is optional and they combine. */
export interface WebhookModuleOptions {
  /**
   * Secrets accepted in the path (`/webhooks/argos/<secret>`) or the query (`?secret=`). Several may be
   * active at once for rotation. When set, a request without a matching secret gets 401.
   */
  secrets?: string[];
  /** Source addresses or CIDR ranges allowed to call (behind a proxy, enable the host's trust-proxy). */
  allowedSources?: string[];
  /**
   * Argos "secure data transmission": `auto` decrypts a body that is exactly `{"data": "<ciphertext>"}`;
   * `required` refuses plaintext bodies; `off` never decrypts.
   */
  secureTransmission?: 'auto' | 'required' | 'off';
  /** Store what the Argos API says about a result rather than what the webhook said (default true). */
  verifyByFetch?: boolean;
  /**
   * Bounds on the Argos look-ups that verification costs, so that forged webhooks for unknown ids cannot
   * spend the Argos quota: a row whose id Argos does not know after `maxNotFoundLookups` attempts (spread
   * over the retry backoff) ends `unverified` (listed, replayable); all verification look-ups of a process
   * share `lookupsPerSecond`.
   */
  verification?: {
    maxNotFoundLookups?: number;
    lookupsPerSecond?: number;
  };
  processor?: {
    /** Process the inbox in this process (default true). */
    enabled?: boolean;
    pollIntervalMs?: number;
    batchSize?: number;
    /** Rows processed at once per batch (PostgreSQL); SQLite always uses one. */
    concurrency?: number;
    maxAttempts?: number;
    baseDelayMs?: number;
    maxDelayMs?: number;
    /** How long a claimed row stays reserved for its worker. */
    leaseMs?: number;
  };
  reconcile?: {
    /** Poll Argos for results the webhooks missed (default true). */
    enabled?: boolean;
    intervalMs?: number;
    /** How many days back each poll looks (Argos filters by whole dates). */
    lookbackDays?: number;
  };
}

export interface ResolvedWebhookOptions {
  secrets: string[];
  allowedSources: string[];
  secureTransmission: 'auto' | 'required' | 'off';
  verifyByFetch: boolean;
  verification: Required<NonNullable<WebhookModuleOptions['verification']>>;
  processor: Required<NonNullable<WebhookModuleOptions['processor']>>;
  reconcile: Required<NonNullable<WebhookModuleOptions['reconcile']>>;
}

export const WEBHOOK_OPTIONS = Symbol('faceauth:webhook-options');
export const InjectWebhookOptions = (): ParameterDecorator => Inject(WEBHOOK_OPTIONS);

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`WebhookModule option ${name} must be a whole number ≥ 1`);
  return value;
}

export function resolveWebhookOptions(options: WebhookModuleOptions): ResolvedWebhookOptions {
  const secrets = options.secrets ?? [];
  if (secrets.some((s) => typeof s !== 'string' || s.length < 16 || !/^[A-Za-z0-9._~-]+$/.test(s))) {
    throw new Error('WebhookModule option secrets must be URL-safe strings of at least 16 characters');
  }
  const p = options.processor ?? {};
  const r = options.reconcile ?? {};
  const v = options.verification ?? {};
  return {
    secrets,
    allowedSources: options.allowedSources ?? [],
    secureTransmission: options.secureTransmission ?? 'auto',
    verifyByFetch: options.verifyByFetch ?? true,
    verification: {
      maxNotFoundLookups: positiveInt(v.maxNotFoundLookups ?? 3, 'verification.maxNotFoundLookups'),
      lookupsPerSecond: positiveInt(v.lookupsPerSecond ?? 20, 'verification.lookupsPerSecond'),
    },
    processor: {
      enabled: p.enabled ?? true,
      pollIntervalMs: positiveInt(p.pollIntervalMs ?? 1_000, 'processor.pollIntervalMs'),
      batchSize: positiveInt(p.batchSize ?? 50, 'processor.batchSize'),
      concurrency: positiveInt(p.concurrency ?? 4, 'processor.concurrency'),
      maxAttempts: positiveInt(p.maxAttempts ?? 8, 'processor.maxAttempts'),
      baseDelayMs: positiveInt(p.baseDelayMs ?? 1_000, 'processor.baseDelayMs'),
      maxDelayMs: positiveInt(p.maxDelayMs ?? 300_000, 'processor.maxDelayMs'),
      leaseMs: positiveInt(p.leaseMs ?? 60_000, 'processor.leaseMs'),
    },
    reconcile: {
      enabled: r.enabled ?? true,
      intervalMs: positiveInt(r.intervalMs ?? 300_000, 'reconcile.intervalMs'),
      lookbackDays: positiveInt(r.lookbackDays ?? 2, 'reconcile.lookbackDays'),
    },
  };
}
