/**
 * Why a stored result did not count for the link it came through: it arrived after the link was used up
 * (`used`), expired (`expired`) or revoked (`revoked`), or the token named our link but the result compares
 * against another submission or project (`submission_mismatch`). Such a result is stored, flagged, and
 * never changes the link's outcome.
 */
export type PolicyViolation = 'used' | 'expired' | 'revoked' | 'submission_mismatch';

export const POLICY_VIOLATIONS: readonly PolicyViolation[] = [
  'used',
  'expired',
  'revoked',
  'submission_mismatch',
];
