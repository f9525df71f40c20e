import { tokenStatus } from '../policy/token-status';
import { FaceAuthTokenEntity } from '../persistence/faceauth-token.entity';
import { stateOf } from '../persistence/token-state';
import { LinkOutcome } from './link-outcome.type';

/**
 * The outcome of a link at `now`. Approvals, rejections at the last use and revocations are stored when
 * they happen (once: see link-outcome.sql.ts). Expiry needs no event: a pending link that can no longer be
 * used is `expired` — or `rejected` when its window closed after rejections — from the instant it stopped
 * being usable. A link whose uses were taken by short-link opens stays pending while results may still come.
 */
export function outcomeOf(row: FaceAuthTokenEntity, now: Date): LinkOutcome {
  const stored = row.outcomeStatus;
  if (stored !== 'pending') {
    return {
      status: stored,
      authId: row.outcomeAuthId,
      decidedAt: row.outcomeDecidedAt,
      reason: row.outcomeReason,
    };
  }
  if (tokenStatus(stateOf(row), now) !== 'expired') return PENDING;
  const closedAt = closingInstant(row);
  if (row.outcomeAuthId !== null)
    return { status: 'rejected', authId: row.outcomeAuthId, decidedAt: closedAt, reason: 'result_rejected' };
  const byArgos = row.expiredAt !== null && row.expiredAt.getTime() === closedAt.getTime();
  return {
    status: 'expired',
    authId: null,
    decidedAt: closedAt,
    reason: byArgos ? 'token_expired' : 'link_expired',
  };
}

const PENDING: LinkOutcome = Object.freeze({
  status: 'pending',
  authId: null,
  decidedAt: null,
  reason: null,
});

/** The instants at which time alone ends a link: its unused deadline, the end of its window, an Argos expiry. */
function deadlines(row: FaceAuthTokenEntity): Date[] {
  return [row.useCount === 0 ? row.expiresAt : null, row.windowEndsAt, row.expiredAt].filter(
    (d): d is Date => d !== null,
  );
}

/** The earliest instant from which the (pending, expired) link could no longer be used. */
function closingInstant(row: FaceAuthTokenEntity): Date {
  return deadlines(row).reduce((a, b) => (b.getTime() < a.getTime() ? b : a));
}

/**
 * Milliseconds from `now` until a usable link stops being usable by time alone (its unused deadline, the
 * end of its window, an expiry Argos announced ahead), or null when time alone cannot end it.
 */
export function closingIn(row: FaceAuthTokenEntity, now: Date): number | null {
  const ahead = deadlines(row)
    .map((d) => d.getTime() - now.getTime())
    .filter((ms) => ms > 0);
  return ahead.length === 0 ? null : Math.min(...ahead);
}
