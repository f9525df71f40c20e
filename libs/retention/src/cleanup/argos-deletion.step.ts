import { Injectable } from '@nestjs/common';
import {
  ArgosClientError,
  ArgosClientRegistry,
  ArgosErrorCode,
  InjectArgosClientRegistry,
} from '@faceauth/argos-client';
import { Clock } from '@faceauth/core';
import { ArgosRateLimiter } from '../pacing/argos-rate-limiter';
import { ClaimedResult, ResultCleanupRepository } from '../persistence/result-cleanup.repository';

export type ArgosDeletionOutcome = 'deleted' | 'already_gone' | 'verified_deleted';

/** The claim was lost before the DELETE went out (another worker owns the row now): nothing was sent. */
export class ClaimLostError extends Error {
  constructor(authId: string) {
    super(`claim on ${authId} was lost`);
    this.name = 'ClaimLostError';
  }
}

/**
 * `DELETE /faceauth` for one claimed result, through the Argos client (and its retries), under the rate
 * cap. When an earlier DELETE may have reached Argos without us hearing back (a crash, a timeout), the
 * record is looked up first and a second DELETE is sent only if the first did not land. An unknown
 * record counts as deleted.
 */
@Injectable()
export class ArgosDeletionStep {
  constructor(
    @InjectArgosClientRegistry() private readonly argos: ArgosClientRegistry,
    private readonly limiter: ArgosRateLimiter,
    private readonly results: ResultCleanupRepository,
    private readonly clock: Clock,
  ) {}

  /** @throws ArgosStepFailure when Argos (or the configuration) refused; ClaimLostError before anything was sent. */
  async run(row: ClaimedResult): Promise<ArgosDeletionOutcome> {
    let sending = false;
    try {
      const client = this.argos.get(row.project);
      const lookUp = async (): Promise<ArgosDeletionOutcome | null> => {
        const landed = await this.call(async () => (await client.getResult(row.authId)).deleted);
        return landed === 'gone' ? 'already_gone' : landed ? 'verified_deleted' : null;
      };
      if (row.deleteSentAt !== null) {
        const known = await lookUp();
        if (known) return known;
      }
      await this.limiter.acquire();
      // Recorded before sending, under our claim: a crash from here on is answered by the lookup above.
      if (!(await this.results.markSent(row, this.clock.now().getTime())))
        throw new ClaimLostError(row.authId);
      sending = true;
      try {
        const sent = await this.call(async () => client.deleteResult(row.authId), true);
        return sent === 'gone' ? 'already_gone' : 'deleted';
      } catch (error) {
        // Argos answers a DELETE of a record it does not know with a 400 ("error in delete submission"),
        // not with the lookup's "cannot find": ask the lookup before calling it a refusal.
        if (!(error instanceof ArgosClientError) || error.code !== ArgosErrorCode.BAD_REQUEST) throw error;
        const known = await lookUp().catch(() => null);
        if (known) return known;
        throw error;
      }
    } catch (error) {
      if (error instanceof ClaimLostError) throw error;
      // Before our DELETE went out, the uncertainty is whatever it was; after, it depends on the failure.
      throw new ArgosStepFailure(error, sending ? mayHaveLanded(error) : row.deleteSentAt !== null);
    }
  }

  private async call<T>(request: () => Promise<T>, acquired = false): Promise<T | 'gone'> {
    if (!acquired) await this.limiter.acquire();
    try {
      return await request();
    } catch (error) {
      if (error instanceof ArgosClientError) {
        this.limiter.chargeRetries(error.attempts);
        if (error.code === ArgosErrorCode.NOT_FOUND) return 'gone';
      }
      throw error;
    }
  }
}

/** Argos (or the project configuration) refused the deletion of one result. */
export class ArgosStepFailure extends Error {
  readonly code: string;

  constructor(
    cause: unknown,
    /** Whether a DELETE of ours may have been applied without us knowing (look it up before the next one). */
    readonly deleteMayHaveLanded: boolean,
  ) {
    super(`Argos deletion failed: ${failureCode(cause)}`);
    this.name = 'ArgosStepFailure';
    this.code = failureCode(cause);
  }
}

/** Failures after which a DELETE may nevertheless have been applied by Argos. */
const AMBIGUOUS: ReadonlySet<string> = new Set([
  ArgosErrorCode.TIMEOUT,
  ArgosErrorCode.UNAVAILABLE,
  ArgosErrorCode.BAD_RESPONSE,
  ArgosErrorCode.ABORTED,
]);

/** A stable code for an error (never its message, which could quote vendor text). */
export function failureCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code)) return code;
  return error instanceof Error ? error.name.slice(0, 64) : 'UNKNOWN_ERROR';
}

function mayHaveLanded(error: unknown): boolean {
  return !(error instanceof ArgosClientError) || AMBIGUOUS.has(error.code);
}
