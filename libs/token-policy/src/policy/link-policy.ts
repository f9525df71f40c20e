/** How a link's token is used up: after `maxUses` FaceAuth results, or `windowSeconds` after its first use. */
export type LinkPolicy = { mode: 'count'; maxUses: number } | { mode: 'time'; windowSeconds: number };

/** The Argos-side token expiration setting of a FaceAuth project (mirrors its dashboard option). */
export type ArgosTokenExpiration =
  { mode: 'off' } | { mode: 'count' } | { mode: 'time'; windowSeconds: number };

export type TokenStatus = 'active' | 'used' | 'expired' | 'revoked';

export const TOKEN_STATUSES: readonly TokenStatus[] = ['active', 'used', 'expired', 'revoked'];
