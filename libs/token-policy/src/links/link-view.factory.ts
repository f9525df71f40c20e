import { Injectable } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { FaceAuthUrlService } from '@faceauth/encryption';
import { tokenStatus } from '../policy/token-status';
import { FaceAuthTokenEntity } from '../persistence/faceauth-token.entity';
import { policyOf, stateOf } from '../persistence/token-state';
import { outcomeOf } from '../outcome/link-outcome';
import { metadataOf } from './link-context';
import { LinkView } from './link.type';
import { InjectTokenPolicyOptions, ResolvedTokenPolicyOptions } from '../token-policy.options';

/** Builds the API view of a token row, with a freshly encrypted URL. */
@Injectable()
export class LinkViewFactory {
  private readonly shortLinkBaseUrl: string | null;

  constructor(
    private readonly urls: FaceAuthUrlService,
    private readonly clock: Clock,
    @InjectTokenPolicyOptions() options: ResolvedTokenPolicyOptions,
  ) {
    this.shortLinkBaseUrl = options.shortLinkBaseUrl;
  }

  urlFor(row: FaceAuthTokenEntity): string {
    return this.urls.build(
      {
        sid: row.sid,
        authUserId: row.authUserId ?? undefined,
        authCf1: row.authCf1 ?? undefined,
        authCf2: row.authCf2 ?? undefined,
        authCf3: row.authCf3 ?? undefined,
        token: row.tokenInUrl ? row.token : undefined,
      },
      { project: row.project, lang: row.lang ?? undefined },
    );
  }

  /** `url` may be passed when the caller built it already (minting builds it before writing). */
  view(row: FaceAuthTokenEntity, now: Date = this.clock.now(), url: string = this.urlFor(row)): LinkView {
    return {
      id: row.id,
      project: row.project,
      token: row.token,
      tokenInUrl: row.tokenInUrl,
      url,
      shortUrl: this.shortLinkBaseUrl === null ? null : `${this.shortLinkBaseUrl}/${row.id}`,
      status: tokenStatus(stateOf(row), now),
      policy: policyOf(row),
      consumeOn: row.consumeOn,
      useCount: row.useCount,
      sid: row.sid,
      authUserId: row.authUserId,
      lang: row.lang,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      firstUsedAt: row.firstUsedAt,
      windowEndsAt: row.windowEndsAt,
      revokedAt: row.revokedAt,
      clientReference: row.clientReference,
      metadata: metadataOf(row.metadata),
      outcome: outcomeOf(row, now),
    };
  }
}
