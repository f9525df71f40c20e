import { LinkPolicy } from '../policy/link-policy';
import { TokenState } from '../policy/token-status';
import { FaceAuthTokenEntity } from './faceauth-token.entity';

export function policyOf(row: FaceAuthTokenEntity): LinkPolicy {
  return row.policyMode === 'time'
    ? { mode: 'time', windowSeconds: row.windowSeconds ?? 0 }
    : { mode: 'count', maxUses: row.maxUses ?? 1 };
}

export function stateOf(row: FaceAuthTokenEntity): TokenState {
  return {
    policy: policyOf(row),
    useCount: row.useCount,
    expiresAt: row.expiresAt,
    windowEndsAt: row.windowEndsAt,
    revokedAt: row.revokedAt,
    expiredAt: row.expiredAt,
  };
}
