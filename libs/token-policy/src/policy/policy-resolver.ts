import { ArgosTokenExpiration, LinkPolicy } from './link-policy';
import { TokenError, TokenErrorCode } from './token.error';

const MAX_USES = 1_000;
const MAX_WINDOW_SECONDS = 3 * 365 * 24 * 3600;

/**
 * A link's policy: the one asked for, or the project's default, and never one that Argos would not honour.
 * - Argos expiry off: anything; default one use.
 * - Argos count: one use only (Argos expires the token id at its first use).
 * - Argos time W: one use, or a window ≤ W (Argos refuses every use once W has passed since the first).
 */
export function resolveLinkPolicy(
  requested: LinkPolicy | undefined,
  argos: ArgosTokenExpiration,
): LinkPolicy {
  if (requested) validateShape(requested);
  switch (argos.mode) {
    case 'off':
      return requested ?? { mode: 'count', maxUses: 1 };
    case 'count':
      if (requested && !(requested.mode === 'count' && requested.maxUses === 1)) {
        throw notHonoured('the project expires tokens after one use (count), so maxUses must be 1');
      }
      return { mode: 'count', maxUses: 1 };
    case 'time':
      if (!requested) return { mode: 'time', windowSeconds: argos.windowSeconds };
      if (requested.mode === 'count' && requested.maxUses > 1) {
        throw notHonoured(
          `the project expires tokens ${argos.windowSeconds}s after first use; use a time policy`,
        );
      }
      if (requested.mode === 'time' && requested.windowSeconds > argos.windowSeconds) {
        throw notHonoured(`windowSeconds may not exceed the project's ${argos.windowSeconds}s`);
      }
      return requested;
    default: {
      const unreachable: never = argos;
      throw new Error(`Unknown Argos token expiration ${JSON.stringify(unreachable)}`);
    }
  }
}

function validateShape(policy: LinkPolicy): void {
  if (
    policy.mode === 'count' &&
    !(Number.isInteger(policy.maxUses) && policy.maxUses >= 1 && policy.maxUses <= MAX_USES)
  ) {
    throw new TokenError(
      TokenErrorCode.INVALID_POLICY,
      `policy.maxUses must be a whole number from 1 to ${MAX_USES}`,
    );
  }
  if (
    policy.mode === 'time' &&
    !(
      Number.isInteger(policy.windowSeconds) &&
      policy.windowSeconds >= 1 &&
      policy.windowSeconds <= MAX_WINDOW_SECONDS
    )
  ) {
    throw new TokenError(
      TokenErrorCode.INVALID_POLICY,
      `policy.windowSeconds must be a whole number from 1 to ${MAX_WINDOW_SECONDS}`,
    );
  }
}

function notHonoured(reason: string): TokenError {
  return new TokenError(
    TokenErrorCode.POLICY_NOT_HONOURED,
    `This policy would not be honoured by Argos: ${reason}`,
  );
}
