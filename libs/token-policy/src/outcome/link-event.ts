import { metadataOf } from '../links/link-context';
import { LinkView } from '../links/link.type';
import { FaceAuthTokenEntity } from '../persistence/faceauth-token.entity';
import { policyOf, stateOf } from '../persistence/token-state';
import { tokenStatus } from '../policy/token-status';
import { outcomeOf } from './link-outcome';
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

/** The fields of a link that its events carry. */
type LinkEventSource = Pick<
  LinkView,
  | 'id'
  | 'project'
  | 'sid'
  | 'authUserId'
  | 'status'
  | 'policy'
  | 'consumeOn'
  | 'useCount'
  | 'clientReference'
  | 'metadata'
  | 'outcome'
  | 'createdAt'
  | 'expiresAt'
  | 'revokedAt'
>;

/** A link's event data straight from its row, as of `now` (no URL is built: events never carry it). */
export function linkEventDataOf(row: FaceAuthTokenEntity, now: Date): LinkEventData {
  return linkEventData({
    ...row,
    status: tokenStatus(stateOf(row), now),
    policy: policyOf(row),
    metadata: metadataOf(row.metadata),
    outcome: outcomeOf(row, now),
  });
}

export function linkEventData(view: LinkEventSource): LinkEventData {
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
