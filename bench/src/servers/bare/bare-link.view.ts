import { FaceAuthUrlBuilder } from '@faceauth/encryption';
import { BareTokenRow } from './bare-store';

/** The same JSON fields as the service's `LinkDto`, so both sides serialise answers of the same size. */
export interface BareLinkJson {
  id: string;
  project: string;
  token: string;
  url: string;
  shortUrl: string;
  status: 'active' | 'used' | 'expired' | 'revoked';
  policy: { mode: 'count'; maxUses: number } | { mode: 'time'; windowSeconds: number };
  consumeOn: 'result' | 'open';
  tokenInUrl: boolean;
  useCount: number;
  sid: string;
  authUserId: string | null;
  createdAt: string;
  expiresAt: string;
  firstUsedAt: string | null;
  windowEndsAt: string | null;
  revokedAt: string | null;
  clientReference: string | null;
  metadata: Record<string, string>;
  outcome: BareOutcomeJson;
}

export interface BareOutcomeJson {
  status: string;
  authId: string | null;
  decidedAt: string | null;
  reason: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Builds the encrypted URL with the encryption library (one encryption, as any handler must) and the JSON. */
export function bareLinkJson(
  row: BareTokenRow,
  urls: FaceAuthUrlBuilder,
  publicBaseUrl: string,
  now: number,
): BareLinkJson {
  const url = urls.build(
    {
      sid: row.sid,
      authUserId: row.authUserId ?? undefined,
      authCf1: row.authCf1 ?? undefined,
      authCf2: row.authCf2 ?? undefined,
      authCf3: row.authCf3 ?? undefined,
      token: row.tokenInUrl ? row.token : undefined,
    },
    { lang: row.lang ?? undefined },
  );
  return {
    id: row.id,
    project: row.project,
    token: row.token,
    url,
    shortUrl: `${publicBaseUrl}/l/${row.id}`,
    status: statusOf(row, now),
    policy:
      row.policyMode === 'time'
        ? { mode: 'time', windowSeconds: row.windowSeconds ?? 0 }
        : { mode: 'count', maxUses: row.maxUses ?? 1 },
    consumeOn: row.consumeOn,
    tokenInUrl: row.tokenInUrl,
    useCount: row.useCount,
    sid: row.sid,
    authUserId: row.authUserId,
    createdAt: new Date(row.createdAt).toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
    firstUsedAt: iso(row.firstUsedAt),
    windowEndsAt: iso(row.windowEndsAt),
    revokedAt: iso(row.revokedAt),
    clientReference: row.clientReference,
    metadata: row.metadata === null ? {} : (JSON.parse(row.metadata) as Record<string, string>),
    outcome: outcomeOf(row, now),
  };
}

/** The stored verdict, or the one time gave a pending link (rejected after a rejection, else expired). */
function outcomeOf(row: BareTokenRow, now: number): BareOutcomeJson {
  if (row.outcomeStatus !== 'pending') {
    return {
      status: row.outcomeStatus,
      authId: row.outcomeAuthId,
      decidedAt: iso(row.outcomeDecidedAt),
      reason: row.outcomeReason,
    };
  }
  if (statusOf(row, now) !== 'expired')
    return { status: 'pending', authId: null, decidedAt: null, reason: null };
  const closedAt = Math.min(row.windowEndsAt ?? Infinity, row.expiredAt ?? Infinity, row.expiresAt);
  const rejected = row.outcomeAuthId !== null;
  return {
    status: rejected ? 'rejected' : 'expired',
    authId: row.outcomeAuthId,
    decidedAt: iso(closedAt),
    reason: rejected ? 'result_rejected' : row.expiredAt === closedAt ? 'token_expired' : 'link_expired',
  };
}

/** The same order of precedence as the token policy's status (revoked, used, expired, active). */
function statusOf(row: BareTokenRow, now: number): BareLinkJson['status'] {
  if (row.revokedAt !== null) return 'revoked';
  if (row.policyMode === 'count' && row.useCount >= (row.maxUses ?? 1)) return 'used';
  if (row.expiredAt !== null) return 'expired';
  if (row.useCount === 0 && now >= row.expiresAt) return 'expired';
  if (row.windowEndsAt !== null && now >= row.windowEndsAt) return 'expired';
  return 'active';
}
