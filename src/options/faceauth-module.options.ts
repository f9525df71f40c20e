import { StaticApiKey } from '@faceauth/admin-api';
import { ArgosClientModuleOptions } from '@faceauth/argos-client';
import { RetentionModuleOptions } from '@faceauth/retention';
import { NotificationsModuleOptions } from '@faceauth/notifications';
import { WebhookModuleOptions } from '@faceauth/webhook';
import { FaceAuthProject, ResolvedFaceAuthProject } from './faceauth-project';

/** Everything the embeddable product needs; the service builds it from its environment. */
export interface FaceAuthModuleOptions {
  /** The FaceAuth projects (at least one). */
  projects: FaceAuthProject[];
  /** Project used when a call names none (default: the first). */
  defaultProject?: string;
  argos: {
    /** Add-on REST API base, e.g. https://rest-api.argosidentity.com/v3. */
    apiBaseUrl: string;
    /** Hosted capture page, e.g. https://form.argosidentity.com/face-auth. */
    formUrl: string;
    /** Timeouts, retries, circuit breaker and image size limit of the Argos client. */
    client?: Pick<ArgosClientModuleOptions, 'timeouts' | 'retry' | 'breaker' | 'maxImageBytes'>;
  };
  links?: {
    /** Validity of never-used links in seconds (default 7 days). */
    unusedLinkTtlSeconds?: number;
    maxUnusedLinkTtlSeconds?: number;
    /** The job recording the outcome of links that expired undecided (default: on, every 30 s). */
    outcomeSweep?: { enabled?: boolean; intervalMs?: number; batchSize?: number };
  };
  /** Webhook authenticity, processing and reconciliation (the path is the module's `webhookPath`). */
  webhooks?: WebhookModuleOptions;
  /** The retention schedule and the cleanup job that enforces it (defaults: 30 days, every 5 minutes). */
  retention?: RetentionModuleOptions;
  /**
   * Signed outbound webhooks to the company's endpoints (Standard Webhooks). The event types are the
   * product's; the defaults are production's: https only, public addresses only.
   */
  notifications?: Omit<NotificationsModuleOptions, 'eventTypes'>;
  http: {
    /** Public base URL of the service, for short links. */
    publicBaseUrl: string;
    /**
     * Where the short-link controller answers, the start of each link's `shortUrl` (default
     * `<publicBaseUrl>/l`): set it when the host mounts the controller under a prefix (RouterModule).
     */
    shortLinkBaseUrl?: string;
    staticKeys?: StaticApiKey[];
    keyRefreshMs?: number;
  };
  database?: {
    /**
     * PostgreSQL: run the hot-path statements as named (prepared) statements (default true). Set false
     * behind PgBouncer < 1.21 (or `max_prepared_statements = 0`) in transaction pooling mode.
     */
    preparedStatements?: boolean;
  };
}

/** The validated options, with `defaultProject` and each project's vendor defaults filled in. */
export type ResolvedFaceAuthOptions = Omit<FaceAuthModuleOptions, 'projects'> & {
  projects: ResolvedFaceAuthProject[];
  defaultProject: string;
};
