import { LinkView } from '../links/link.type';
import { LinkOutcomeStatus } from './link-outcome.type';

/** The outbound event types about a link's outcome (signed webhooks, `@faceauth/notifications`). */
export const LINK_EVENT_TYPES = [
  'faceauth.link.approved',
  'faceauth.link.rejected',
  'faceauth.link.expired',
  'faceauth.link.revoked',
] as const;
export type LinkEventType = (typeof LINK_EVENT_TYPES)[number];

/** The event announcing a decided outcome; null while pending. */
export function linkEventType(status: LinkOutcomeStatus): LinkEventType | null {
  return status === 'pending' ? null : `faceauth.link.${status}`;
}

/**
 * The stable cause key of a link's outcome event: a link is decided once, so its outcome is announced once
 * per endpoint however often the decision is replayed (a retried webhook, a repeated revocation).
 */
export const linkOutcomeEventKey = (linkId: string): string => `link:${linkId}:outcome`;

/** A link as an outbound event carries it: no token, no URL (credentials stay here), its context and outcome. */
export interface LinkEventData {
  id: string;
  project: string;
  sid: string;
  authUserId: string | null;
  status: LinkView['status'];
  policy: LinkView['policy'];
  consumeOn: LinkView['consumeOn'];
  useCount: number;
  clientReference: string | null;
  metadata: LinkView['metadata'];
  outcome: {
    status: LinkOutcomeStatus;
    authId: string | null;
    decidedAt: string | null;
    reason: string | null;
  };
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export function linkEventData(view: LinkView): LinkEventData {
  return {
    id: view.id,
    project: view.project,
    sid: view.sid,
    authUserId: view.authUserId,
    status: view.status,
    policy: view.policy,
    consumeOn: view.consumeOn,
    useCount: view.useCount,
    clientReference: view.clientReference,
    metadata: view.metadata,
    outcome: { ...view.outcome, decidedAt: view.outcome.decidedAt?.toISOString() ?? null },
    createdAt: view.createdAt.toISOString(),
    expiresAt: view.expiresAt.toISOString(),
    revokedAt: view.revokedAt?.toISOString() ?? null,
  };
}

/** The result that decided an outcome, as events carry it: what Argos decided, no scores, no person. */
export interface OutcomeResultData {
  authId: string;
  project: string;
  status: string;
  submissionId: string | null;
  linkId: string | null;
  identitySource: string | null;
  /** Why the result did not count for its link (`used`, `expired`, `revoked`, `submission_mismatch`). */
  policyViolation: string | null;
  failCodes: string[];
  createdAt: string | null;
}

/**
 * A link's decided outcome, exactly as the signed outbound webhook's body says it (`{type, timestamp,
 * data}`), and as hosts receive it through `@OnFaceAuthOutcome()`.
 */
export interface FaceAuthOutcomeEvent {
  type: LinkEventType;
  timestamp: string;
  data: { link: LinkEventData; result: OutcomeResultData | null };
}
