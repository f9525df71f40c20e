import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { ResultError, ResultErrorCode } from '@faceauth/results';
import { HoldState, ResultCleanupRepository } from '../persistence/result-cleanup.repository';
import { RetentionError, RetentionErrorCode, retentionMessages } from '../retention.error';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';
import { resultDeadline } from './retention-policy';

/** A result's legal hold and the deadline that applies once it is released. */
export interface LegalHoldView {
  authId: string;
  legalHold: boolean;
  /** When its biometric data is (or was) due for deletion, hold aside. */
  deadline: Date;
  /** Deleted at Argos and purged here. */
  deleted: boolean;
}

/** Places and releases legal holds: a held result is never deleted, by the schedule or by a user request. */
@Injectable()
export class LegalHoldService {
  private readonly logger = new Logger('LegalHold');

  constructor(
    private readonly results: ResultCleanupRepository,
    private readonly clock: Clock,
    @InjectRetentionOptions() private readonly options: ResolvedRetentionOptions,
  ) {}

  /**
   * Holds a result (idempotent).
   * @throws ResultError `RESULT_NOT_FOUND`; RetentionError `RESULT_ALREADY_DELETED` or `RESULT_DELETION_IN_PROGRESS`
   */
  async hold(authId: string): Promise<LegalHoldView> {
    const placed = await this.results.setLegalHold(authId, this.clock.now().getTime());
    const state = await this.state(authId);
    if (!placed) {
      if (state.argosDeleted || state.purged) {
        throw new RetentionError(
          RetentionErrorCode.RESULT_ALREADY_DELETED,
          retentionMessages.alreadyDeleted(authId),
        );
      }
      throw new RetentionError(
        RetentionErrorCode.RESULT_DELETION_IN_PROGRESS,
        retentionMessages.deletionInProgress(authId),
      );
    }
    this.logger.log(`Legal hold placed on result ${authId}`);
    return this.view(state);
  }

  /** Releases a hold (idempotent); the result is deleted at the next run if its deadline has passed. */
  async release(authId: string): Promise<LegalHoldView> {
    const released = await this.results.clearLegalHold(authId, this.clock.now().getTime());
    const state = await this.state(authId);
    if (released) this.logger.log(`Legal hold released on result ${authId}`);
    return this.view(state);
  }

  async get(authId: string): Promise<LegalHoldView> {
    return this.view(await this.state(authId));
  }

  private async state(authId: string): Promise<HoldState> {
    const state = await this.results.holdState(authId);
    if (!state)
      throw new ResultError(ResultErrorCode.RESULT_NOT_FOUND, 'No result has this authentication id');
    return state;
  }

  private view(state: HoldState): LegalHoldView {
    return {
      authId: state.authId,
      legalHold: state.legalHold,
      deadline: new Date(resultDeadline(state.createdAt, state.forcedDueAt, this.options)),
      deleted: state.argosDeleted && state.purged,
    };
  }
}
