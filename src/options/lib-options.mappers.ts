import { AdminApiModuleOptions } from '@faceauth/admin-api';
import { ArgosCallObserver, ArgosClientModuleOptions } from '@faceauth/argos-client';
import { EncryptionModuleOptions } from '@faceauth/encryption';
import { ResultsModuleOptions } from '@faceauth/results';
import { RetentionModuleOptions } from '@faceauth/retention';
import { TokenPolicyModuleOptions } from '@faceauth/token-policy';
import { WebhookModuleOptions } from '@faceauth/webhook';
import { ResolvedFaceAuthOptions } from './faceauth-options.resolver';

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
  adminApi: (o: ResolvedFaceAuthOptions): AdminApiModuleOptions => ({
    publicBaseUrl: o.http.publicBaseUrl,
    staticKeys: o.http.staticKeys,
    keyRefreshMs: o.http.keyRefreshMs,
    globalGuard: o.http.globalGuard,
  }),
};
