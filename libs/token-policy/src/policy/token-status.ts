import { LinkPolicy, TokenStatus } from './link-policy';
import { TokenErrorCode } from './token.error';

/** The state a status is derived from (a token row, or a plain object in tests). */
export interface TokenState {
  policy: LinkPolicy;
  useCount: number;
  expiresAt: Date;
  windowEndsAt: Date | null;
  revokedAt: Date | null;
  expiredAt: Date | null;
}

/**
 * The one definition of a token's status at `now`. Boundaries are half-open: a token whose deadline is
 * exactly `now` is expired. Order matters: revocation wins, then an exhausted count, then expiry.
 */
export function tokenStatus(state: TokenState, now: Date): TokenStatus {
  if (state.revokedAt) return 'revoked';
  if (state.policy.mode === 'count' && state.useCount >= state.policy.maxUses) return 'used';
  const t = now.getTime();
  // Argos' `token_expired`: a count expiry is an instant already past; a time expiry
  // (`expected_expired_at`) may still be ahead.
  if (state.expiredAt && t >= state.expiredAt.getTime()) return 'expired';
  if (state.useCount === 0 && t >= state.expiresAt.getTime()) return 'expired';
  if (state.windowEndsAt && t >= state.windowEndsAt.getTime()) return 'expired';
  return 'active';
}

/** The error that explains why a token in `status` cannot be used. */
export function refusalFor(status: Exclude<TokenStatus, 'active'>): TokenErrorCode {
  switch (status) {
    case 'revoked':
      return TokenErrorCode.TOKEN_REVOKED;
    case 'used':
      return TokenErrorCode.TOKEN_ALREADY_USED;
    case 'expired':
      return TokenErrorCode.TOKEN_EXPIRED;
    default: {
      const unreachable: never = status;
      throw new Error(`Unknown status ${String(unreachable)}`);
    }
  }
}
