import { FaceAuthRecord, parseArgosTimestamp } from '@faceauth/argos-client';
import { FaceAuthWebhookEvent } from '../payload/argos-webhook-event';

/** A record built from the webhook alone (used when verify-by-fetch is off). Webhooks carry no scores. */
export function recordFromWebhook(event: FaceAuthWebhookEvent): FaceAuthRecord {
  return {
    authId: event.authId,
    status: event.status,
    createdAt: event.createdAt ? parseArgosTimestamp(event.createdAt) : null,
    submissionId: event.submissionId,
    userId: event.userId,
    cf1: event.cf1,
    cf2: event.cf2,
    cf3: event.cf3,
    tokenId: event.tokenId,
    deleted: false,
    scores: {},
    failCodes: [],
    rejectComments: [],
  };
}
