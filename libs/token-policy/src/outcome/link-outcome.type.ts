/** Where a link's re-authentication ended: `pending` until a verdict the company can act on. */
export type LinkOutcomeStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'revoked';

export const LINK_OUTCOME_STATUSES: readonly LinkOutcomeStatus[] = [
  'pending',
  'approved',
  'rejected',
  'expired',
  'revoked',
];

/**
 * Why the outcome is what it is: `result_rejected` (the last use allowed ended in a rejection),
 * `link_expired` (never completed before its deadline or the end of its window), `token_expired` (Argos
 * reported the token expired with no result within the policy), `revoked`; null while pending or approved.
 */
export type LinkOutcomeReason = 'result_rejected' | 'link_expired' | 'token_expired' | 'revoked';

/** The verdict of a link. `authId`: the Argos authentication that decided it (approved or rejected). */
export interface LinkOutcome {
  status: LinkOutcomeStatus;
  authId: string | null;
  decidedAt: Date | null;
  reason: LinkOutcomeReason | null;
}

/**
 * Why a result did not count for its link under the link's policy: it came after the link was used up,
 * expired or revoked. (The results lib adds `submission_mismatch`, which the webhook decides.)
 */
export type PolicyRefusal = 'used' | 'expired' | 'revoked';
