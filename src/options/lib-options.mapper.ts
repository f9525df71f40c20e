import { AdminApiModuleOptions, resolveAdminApiOptions } from '@faceauth/admin-api';
import {
  ArgosCallObserver,
  ArgosClientModuleOptions,
  resolveArgosClientOptions,
} from '@faceauth/argos-client';
import { EncryptionModuleOptions, resolveEncryptionOptions } from '@faceauth/encryption';
import { ResultsModuleOptions, resolveResultsOptions } from '@faceauth/results';
import { RetentionModuleOptions, resolveRetentionOptions } from '@faceauth/retention';
import { TokenPolicyModuleOptions, resolveTokenPolicyOptions } from '@faceauth/token-policy';
import { NotificationsModuleOptions, resolveNotificationsOptions } from '@faceauth/notifications';
import {
  FACEAUTH_OUTBOUND_EVENT_TYPES,
  WebhookModuleOptions,
  resolveWebhookOptions,
} from '@faceauth/webhook';
import { ResolvedFaceAuthOptions } from './faceauth-module.options';

/** How the one options object of the product becomes each library's options. */
export const libOptions = {
  encryption: (o: ResolvedFaceAuthOptions): EncryptionModuleOptions => ({
    formUrl: o.argos.formUrl,
    defaultProject: o.defaultProject,
    projects: o.projects.map((p) => ({
      name: p.name,
      pid: p.pid,
      keyString: p.secretKey ?? p.apiKey,
      cipher: p.cipher,
      format: p.plaintextFormat,
    })),
  }),
  tokenPolicy: (o: ResolvedFaceAuthOptions): TokenPolicyModuleOptions => ({
    projects: o.projects.map((p) => ({ name: p.name, tokenExpiration: p.tokenExpiration })),
    defaultProject: o.defaultProject,
    unusedLinkTtlSeconds: o.links?.unusedLinkTtlSeconds,
    maxUnusedLinkTtlSeconds: o.links?.maxUnusedLinkTtlSeconds,
    outcomeSweep: o.links?.outcomeSweep,
    shortLinkBaseUrl: o.http.shortLinkBaseUrl ?? `${o.http.publicBaseUrl.replace(/\/+$/, '')}/l`,
  }),
  argosClient: (o: ResolvedFaceAuthOptions, observer: ArgosCallObserver): ArgosClientModuleOptions => ({
    baseUrl: o.argos.apiBaseUrl,
    projects: o.projects.map((p) => ({ name: p.name, apiKey: p.apiKey })),
    defaultProject: o.defaultProject,
    ...o.argos.client,
    observer,
  }),
  results: (o: ResolvedFaceAuthOptions): ResultsModuleOptions => ({
    maxImageBytes: o.argos.client?.maxImageBytes,
  }),
  webhook: (o: ResolvedFaceAuthOptions): WebhookModuleOptions => ({ ...o.webhooks }),
  retention: (o: ResolvedFaceAuthOptions): RetentionModuleOptions => ({ ...o.retention }),
  notifications: (o: ResolvedFaceAuthOptions): NotificationsModuleOptions => ({
    ...o.notifications,
    eventTypes: [...FACEAUTH_OUTBOUND_EVENT_TYPES],
  }),
  adminApi: (o: ResolvedFaceAuthOptions): AdminApiModuleOptions => ({
    publicBaseUrl: o.http.publicBaseUrl,
    staticKeys: o.http.staticKeys,
    keyRefreshMs: o.http.keyRefreshMs,
  }),
};

const SILENT: ArgosCallObserver = { callCompleted: () => undefined, circuitChanged: () => undefined };
const under = (group: string) => (option: string) => (option === '(root)' ? group : `${group}.${option}`);

/**
 * Each library's own validation of the options above, in the order the libraries initialise, and the way
 * back: the FaceAuthModule option a refused library option (`baseUrl`, `projects[0].keyString`) came from.
 */
export const libOptionChecks: {
  validate: (o: ResolvedFaceAuthOptions) => unknown;
  path: (option: string, o: ResolvedFaceAuthOptions) => string;
}[] = [
  {
    validate: (o) => resolveEncryptionOptions(libOptions.encryption(o)),
    path: (option, o) =>
      option
        .replace(/^formUrl$/, 'argos.formUrl')
        .replace(/\.format$/, '.plaintextFormat')
        .replace(/^projects\[(\d+)\]\.keyString$/, (_, i: string) =>
          o.projects[Number(i)].secretKey === undefined
            ? `projects[${i}].apiKey`
            : `projects[${i}].secretKey`,
        ),
  },
  {
    validate: (o) => resolveTokenPolicyOptions(libOptions.tokenPolicy(o)),
    path: (option) =>
      option
        .replace(/^(unusedLinkTtlSeconds|maxUnusedLinkTtlSeconds|outcomeSweep\b.*)$/, 'links.$1')
        .replace(/^shortLinkBaseUrl$/, 'http.shortLinkBaseUrl'),
  },
  {
    validate: (o) => resolveArgosClientOptions(libOptions.argosClient(o, SILENT)),
    path: (option) =>
      option
        .replace(/^baseUrl$/, 'argos.apiBaseUrl')
        .replace(/^(timeouts|retry|breaker|maxImageBytes)\b/, 'argos.client.$1'),
  },
  {
    validate: (o) => resolveResultsOptions(libOptions.results(o)),
    path: (option) => option.replace(/^maxImageBytes$/, 'argos.client.maxImageBytes'),
  },
  { validate: (o) => resolveWebhookOptions(libOptions.webhook(o)), path: under('webhooks') },
  { validate: (o) => resolveRetentionOptions(libOptions.retention(o)), path: under('retention') },
  {
    validate: (o) => resolveNotificationsOptions(libOptions.notifications(o)),
    path: under('notifications'),
  },
  { validate: (o) => resolveAdminApiOptions(libOptions.adminApi(o)), path: under('http') },
];
