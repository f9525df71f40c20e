import { ArgosErrorCode } from '@faceauth/argos-client';
import { UserPendingResult } from '../persistence/result-cleanup.repository';

/**
 * Why a result of a person who asked to be forgotten is still there: a legal hold; Argos refused the
 * DELETE (our request, key or IP was wrong: an operator must act); Argos could not be reached or failed
 * (retried on the cleanup schedule); or another instance's cleanup holds it right now.
 */
export type ErasureRemainderReason = 'held' | 'argos_refused' | 'argos_unreachable' | 'in_progress';

export interface ErasureRemainder {
  authId: string;
  reason: ErasureRemainderReason;
  /** The stable error code of the last attempt (never a vendor message). */
  errorCode: string | null;
}

const UNREACHABLE = new Set<string>([
  ArgosErrorCode.SERVER_ERROR,
  ArgosErrorCode.BAD_GATEWAY,
  ArgosErrorCode.TIMEOUT,
  ArgosErrorCode.UNAVAILABLE,
  ArgosErrorCode.RATE_LIMITED,
  ArgosErrorCode.ABORTED,
]);

export function remainderOf(result: UserPendingResult): ErasureRemainder {
  const errorCode = result.lastError;
  const reason: ErasureRemainderReason = result.legalHold
    ? 'held'
    : errorCode === null
      ? 'in_progress'
      : UNREACHABLE.has(errorCode)
        ? 'argos_unreachable'
        : 'argos_refused';
  return { authId: result.authId, reason, errorCode: result.legalHold ? null : errorCode };
}
