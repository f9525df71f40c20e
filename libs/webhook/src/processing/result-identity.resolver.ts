import { Injectable, Logger } from '@nestjs/common';
import { FaceAuthRecord } from '@faceauth/argos-client';
import { ResultIdentity } from '@faceauth/results';
import { LinkIdentity } from '@faceauth/token-policy';
import { FaceAuthWebhookEvent } from '../payload/argos-webhook-event';

/** Whose result a webhook reports, and the link it came through when that link is verified. */
export interface ResolvedIdentity {
  identity: ResultIdentity | undefined;
  /** Our link, only when its submission and project match the verified record. */
  link: LinkIdentity | null;
}

/**
 * Argos' records name no person and no token (ARGOS-CONTRACT §7); the webhook echoes what the URL carried,
 * unsigned. So the person comes from our own link when the webhook's token names one AND the verified
 * record compares against that link's submission in that link's project; otherwise from the webhook's
 * fields, kept as an unverified hint. Nothing else is guessed.
 */
@Injectable()
export class ResultIdentityResolver {
  private readonly logger = new Logger('WebhookIdentity');

  /** `link`: ours that the webhook's token names, if any (looked up by the caller). */
  resolve(
    event: FaceAuthWebhookEvent,
    link: LinkIdentity | null,
    record: FaceAuthRecord,
    project: string,
  ): ResolvedIdentity {
    if (link && link.project === project && record.submissionId === link.sid) {
      return {
        link,
        identity: {
          source: 'link',
          authUserId: link.authUserId,
          cf1: link.authCf1,
          cf2: link.authCf2,
          cf3: link.authCf3,
          tokenId: link.token,
          linkId: link.linkId,
        },
      };
    }
    if (link) {
      // Ids only: the token is a credential and the person fields are personal data.
      this.logger.warn(
        `Result ${record.authId} names the token of link ${link.linkId}, which was minted for another ` +
          `${link.project === project ? 'submission' : 'project'}: stored without that link`,
      );
    }
    return { link: null, identity: webhookHint(event) };
  }
}

function webhookHint(event: FaceAuthWebhookEvent): ResultIdentity | undefined {
  const { userId, cf1, cf2, cf3, tokenId } = event;
  if ([userId, cf1, cf2, cf3, tokenId].every((v) => v === undefined)) return undefined;
  return { source: 'webhook', authUserId: userId, cf1, cf2, cf3, tokenId };
}
