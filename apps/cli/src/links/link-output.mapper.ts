import { LinkPolicy, LinkView, TokenStatus } from '@faceauth/token-policy';

/** A link as `POST /v1/links` answers it, so a script can move between the CLI and the API unchanged. */
export interface LinkOutput {
  id: string;
  project: string;
  token: string;
  url: string;
  shortUrl: string;
  status: TokenStatus;
  policy: LinkPolicy;
  consumeOn: 'result' | 'open';
  useCount: number;
  sid: string;
  authUserId: string | null;
  createdAt: string;
  expiresAt: string;
  firstUsedAt: string | null;
  windowEndsAt: string | null;
  revokedAt: string | null;
}

export function toLinkOutput(view: LinkView, publicBaseUrl: string): LinkOutput {
  return {
    id: view.id,
    project: view.project,
    token: view.token,
    url: view.url,
    shortUrl: `${publicBaseUrl}/l/${view.id}`,
    status: view.status,
    policy: view.policy,
    consumeOn: view.consumeOn,
    useCount: view.useCount,
    sid: view.sid,
    authUserId: view.authUserId,
    createdAt: view.createdAt.toISOString(),
    expiresAt: view.expiresAt.toISOString(),
    firstUsedAt: view.firstUsedAt?.toISOString() ?? null,
    windowEndsAt: view.windowEndsAt?.toISOString() ?? null,
    revokedAt: view.revokedAt?.toISOString() ?? null,
  };
}
