import { Inject, Injectable } from '@nestjs/common';
import type { LinkDto } from '@faceauth/admin-api';
import { FaceAuthUrlBuilder } from '@faceauth/encryption';
import { FaceAuthTokenEntity, LinkPolicy, outcomeOf, tokenStatus } from '@faceauth/token-policy';

/** Where the peer's short links point (the service's `PUBLIC_BASE_URL`). */
export const PEER_PUBLIC_BASE_URL = Symbol('PEER_PUBLIC_BASE_URL');

/** The service's own answer type: the peer answers the same JSON fields. */
export type PeerLinkJson = LinkDto;

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/**
 * Maps the entity to the answer, encrypting the URL with the product's encryption library as the bare
 * server does (one `FaceAuthUrlBuilder.build` per request); status and outcome from the product's own
 * rules (`tokenStatus`, `outcomeOf`), as a team reusing its domain functions would.
 */
@Injectable()
export class PeerLinkView {
  constructor(
    private readonly urls: FaceAuthUrlBuilder,
    @Inject(PEER_PUBLIC_BASE_URL) private readonly publicBaseUrl: string,
  ) {}

  toJson(link: FaceAuthTokenEntity, now: Date): PeerLinkJson {
    const policy: LinkPolicy =
      link.policyMode === 'time'
        ? { mode: 'time', windowSeconds: link.windowSeconds ?? 0 }
        : { mode: 'count', maxUses: link.maxUses ?? 1 };
    const url = this.urls.build(
      {
        sid: link.sid,
        authUserId: link.authUserId ?? undefined,
        authCf1: link.authCf1 ?? undefined,
        authCf2: link.authCf2 ?? undefined,
        authCf3: link.authCf3 ?? undefined,
        token: link.tokenInUrl ? link.token : undefined,
      },
      { lang: link.lang ?? undefined },
    );
    const outcome = outcomeOf(link, now);
    return {
      id: link.id,
      project: link.project,
      token: link.token,
      tokenInUrl: link.tokenInUrl,
      url,
      shortUrl: `${this.publicBaseUrl}/l/${link.id}`,
      status: tokenStatus(
        {
          policy,
          useCount: link.useCount,
          expiresAt: link.expiresAt,
          windowEndsAt: link.windowEndsAt,
          revokedAt: link.revokedAt,
          expiredAt: link.expiredAt,
        },
        now,
      ),
      policy,
      consumeOn: link.consumeOn,
      useCount: link.useCount,
      sid: link.sid,
      authUserId: link.authUserId,
      createdAt: link.createdAt.toISOString(),
      expiresAt: link.expiresAt.toISOString(),
      firstUsedAt: iso(link.firstUsedAt),
      windowEndsAt: iso(link.windowEndsAt),
      revokedAt: iso(link.revokedAt),
      clientReference: link.clientReference,
      metadata: link.metadata ?? {},
      outcome: { ...outcome, decidedAt: iso(outcome.decidedAt) },
    };
  }
}
