import { Injectable, Optional } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock, FaceAuthMetrics, NOOP_METRICS, SqlStep, SqlSteps } from '@faceauth/core';
import { TokenStatus } from '../policy/link-policy';
import { refusalFor, tokenStatus } from '../policy/token-status';
import { TokenError } from '../policy/token.error';
import { TokenRepository } from '../persistence/token.repository';
import { stateOf } from '../persistence/token-state';
import { FaceAuthTokenEntity } from '../persistence/faceauth-token.entity';
import { outcomeOf } from '../outcome/link-outcome';
import { OutcomeWatch } from '../outcome/outcome-watch.service';
import { LinkOutcome, PolicyRefusal } from '../outcome/link-outcome.type';
import { LinkMetadata, metadataOf } from './link-context';

/** What recording a use did. */
export interface TokenUseOutcome {
  /** False when the token is unknown to us (minted elsewhere) or could not take another use. */
  recorded: boolean;
  /** True when this use (same `useId`) had already been recorded: nothing changed. */
  duplicate: boolean;
  known: boolean;
  status: TokenStatus | null;
  linkId: string | null;
  project: string | null;
}

/** A FaceAuth result for a link's token, as the policy needs it. */
export interface LinkResult {
  /** The Argos authentication id (the use key: a repeat of the same result changes nothing). */
  authId: string;
  /** The normalized status: only 'approved' and 'rejected' can decide an outcome. */
  status: string;
  /** When Argos made it (its create time), or when we learnt of it. */
  at: Date;
}

/**
 * Builds the statements that announce an outcome this result decides (the outbox's: see
 * OutcomePublisher.prepare); they commit with the decision, in its atomic unit.
 */
export type OutcomeAnnouncer = (decided: FaceAuthTokenEntity) => SqlStep[];

/** What a result did to its link. */
export interface ResultVerdict {
  /** Whether the result counted for the link, i.e. arrived within its policy (repeats included). */
  counted: boolean;
  /** Why it did not count; null when it did. */
  refusal: PolicyRefusal | null;
  /** Whether a use was recorded now (false on repeats, refusals and for links used at short-link opens). */
  useRecorded: boolean;
  /** The link's outcome after this result. */
  outcome: LinkOutcome;
  /** True when this result is the one that decided the outcome (also on a repeat of it: at least once). */
  decidedByThis: boolean;
}

/**
 * What a result's statements did (see {@link TokenUsagePort.recordResultSteps}): the verdict, the link's row as
 * the unit left it, and what to do once the unit committed.
 */
export interface RecordedResult {
  verdict: ResultVerdict;
  /** The link's row after this result (read in the unit). */
  link: FaceAuthTokenEntity;
  /** After the unit committed: metrics, and waking the waiters of a decided outcome. Not after a rollback. */
  committed(): void;
}

/** What marking a token expired did in a unit (see {@link TokenUsagePort.markExpiredSteps}). */
export interface ExpiryMark {
  marked: boolean;
  /** After the unit committed (metrics). */
  committed(): void;
}

/** Who and what a link was minted for: the identity a result reached through its token inherits. */
export interface LinkIdentity {
  linkId: string;
  project: string;
  token: string;
  /** The ID Check submission the link compares against. */
  sid: string;
  authUserId: string | null;
  authCf1: string | null;
  authCf2: string | null;
  authCf3: string | null;
  /** The company's own reference of the link, null when none. */
  clientReference: string | null;
  /** The company's own context of the link, `{}` when none. */
  metadata: LinkMetadata;
}

/**
 * The narrow port through which other features (webhooks, short links) tell the token policy what
 * happened, without reaching into its tables.
 */
export abstract class TokenUsagePort {
  /**
   * A FaceAuth result arrived for this token id. With a `useId` (the Argos authentication id), recording
   * the same use again changes nothing, so redeliveries and retries are harmless.
   */
  abstract recordUse(token: string, at?: Date, useId?: string): Promise<TokenUseOutcome>;
  /**
   * A result arrived for this link's token (already verified to be the link's submission): records its use
   * when the policy allows, decides the outcome when it can, says why not otherwise. Null for a token we
   * did not mint. Idempotent per `authId`.
   */
  abstract recordResult(
    token: string,
    result: LinkResult,
    announce?: OutcomeAnnouncer,
  ): Promise<ResultVerdict | null>;
  /**
   * {@link recordResult} as statements of the caller's atomic unit (`RawSql.atomic`), which may carry other
   * writes (a batch of webhooks): the token is read, used and decided in it. Null for a token we did not mint.
   * Call `committed()` on what it returns once the unit committed.
   */
  abstract recordResultSteps(
    token: string,
    result: LinkResult,
    announce?: OutcomeAnnouncer,
  ): SqlSteps<RecordedResult | null>;
  /** Argos reported this token id expired. */
  abstract markExpired(token: string, at: Date): Promise<boolean>;
  /** {@link markExpired} as a statement of the caller's atomic unit. */
  abstract markExpiredSteps(token: string, at: Date): SqlSteps<ExpiryMark>;
  /** The link this token id belongs to, if we minted it. */
  abstract linkOf(token: string): Promise<LinkIdentity | null>;
}

@Injectable()
export class TokenLedgerService extends TokenUsagePort {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly clock: Clock,
    private readonly watch: OutcomeWatch,
    @Optional() private readonly metrics: FaceAuthMetrics = NOOP_METRICS,
  ) {
    super();
  }

  async recordUse(token: string, at: Date = this.clock.now(), useId?: string): Promise<TokenUseOutcome> {
    const key = useId === undefined ? '' : useKeyOf(useId);
    const updated = await this.tokens.consume(token, at, key);
    if (updated) this.metrics.token('consumed');
    const row = updated ?? (await this.tokens.findByToken(token));
    if (!row)
      return { recorded: false, duplicate: false, known: false, status: null, linkId: null, project: null };
    return {
      recorded: updated !== null,
      duplicate: updated === null && key !== '' && row.useKeys.includes(`,${key},`),
      known: true,
      status: tokenStatus(stateOf(row), at),
      linkId: row.id,
      project: row.project,
    };
  }

  async recordResult(
    token: string,
    result: LinkResult,
    announce?: OutcomeAnnouncer,
  ): Promise<ResultVerdict | null> {
    const recorded = await this.tokens.atomic(() => this.recordResultSteps(token, result, announce));
    recorded?.committed();
    return recorded?.verdict ?? null;
  }

  *recordResultSteps(
    token: string,
    result: LinkResult,
    announce?: OutcomeAnnouncer,
  ): SqlSteps<RecordedResult | null> {
    const row = yield* this.tokens.findByTokenSteps(token);
    if (!row) return null;
    const judged =
      row.consumeOn === 'result' ? yield* this.useByResultSteps(row, result) : judgeOpened(row, result);
    const decidable =
      judged.refusal === null && (result.status === 'approved' || result.status === 'rejected');
    const now = this.clock.now();
    // A decided outcome is final: only a link still pending is worth deciding.
    const decided =
      decidable && judged.row.outcomeStatus === 'pending'
        ? yield* this.tokens.decideByResultSteps(
            row.id,
            result.authId,
            result.status as 'approved' | 'rejected',
            now,
            announce,
          )
        : null;
    // Not decided by this call: the row as the use left it shows the outcome, unless it still says pending
    // (decided meanwhile by another result): only then is it read again.
    const latest =
      decided ??
      (decidable && judged.row.outcomeStatus === 'pending'
        ? yield* this.tokens.findByIdSteps(row.id)
        : null) ??
      judged.row;
    const outcome = outcomeOf(latest, now);
    const notify = decided !== null && outcome.status !== 'pending';
    return {
      verdict: {
        counted: judged.refusal === null,
        refusal: judged.refusal,
        useRecorded: judged.useRecorded,
        outcome,
        decidedByThis: decidable && outcome.status !== 'pending' && outcome.authId === result.authId,
      },
      link: latest,
      committed: () => {
        if (judged.useRecorded) this.metrics.token('consumed');
        if (notify) this.watch.notify(row.id);
      },
    };
  }

  /** A link used up by results: the result's own use is recorded (once per authId) or refused. */
  private *useByResultSteps(row: FaceAuthTokenEntity, result: LinkResult): SqlSteps<Judged> {
    const key = useKeyOf(result.authId);
    const updated = yield* this.tokens.consumeSteps(row.token, result.at, key);
    if (updated) return { row: updated, refusal: null, useRecorded: true };
    if (row.useKeys.includes(`,${key},`)) return { row, refusal: null, useRecorded: false };
    const status = tokenStatus(stateOf(row), result.at);
    // Refused while it looked usable: a concurrent use took its last slot.
    return { row, refusal: status === 'active' ? 'used' : status, useRecorded: false };
  }

  /** Records a use or throws the {@link TokenError} explaining why the token cannot be used. */
  async consumeOrThrow(token: string, at: Date = this.clock.now()): Promise<void> {
    const outcome = await this.recordUse(token, at);
    if (outcome.recorded) return;
    const status = outcome.status === 'active' || outcome.status === null ? 'expired' : outcome.status;
    throw new TokenError(refusalFor(status), `This link cannot be used: ${status}`);
  }

  async markExpired(token: string, at: Date): Promise<boolean> {
    const marked = await this.tokens.markExpired(token, at);
    if (marked) this.metrics.token('expired');
    return marked;
  }

  *markExpiredSteps(token: string, at: Date): SqlSteps<ExpiryMark> {
    const marked = yield* this.tokens.markExpiredSteps(token, at);
    return {
      marked,
      committed: () => {
        if (marked) this.metrics.token('expired');
      },
    };
  }

  async linkOf(token: string): Promise<LinkIdentity | null> {
    const row = await this.tokens.findByToken(token);
    if (!row) return null;
    return {
      linkId: row.id,
      project: row.project,
      token: row.token,
      sid: row.sid,
      authUserId: row.authUserId,
      authCf1: row.authCf1,
      authCf2: row.authCf2,
      authCf3: row.authCf3,
      clientReference: row.clientReference,
      metadata: metadataOf(row.metadata),
    };
  }
}

interface Judged {
  row: FaceAuthTokenEntity;
  refusal: PolicyRefusal | null;
  useRecorded: boolean;
}

/**
 * A link used up at short-link opens: its uses were recorded there, so a result counts while the link is
 * not revoked, was usable when the result was made, and its outcome is undecided (or decided by this
 * very result). One decided outcome means later results are `used`.
 */
function judgeOpened(row: FaceAuthTokenEntity, result: LinkResult): Judged {
  const refuse = (refusal: PolicyRefusal): Judged => ({ row, refusal, useRecorded: false });
  if (row.revokedAt) return refuse('revoked');
  if (row.outcomeStatus !== 'pending') return row.outcomeAuthId === result.authId ? ok(row) : refuse('used');
  const status = tokenStatus(stateOf(row), result.at);
  return status === 'expired' ? refuse('expired') : ok(row);
}

const ok = (row: FaceAuthTokenEntity): Judged => ({ row, refusal: null, useRecorded: false });

/** A fixed-width hex digest of the use id: no character that SQL LIKE would treat as a wildcard. */
function useKeyOf(useId: string): string {
  return createHash('sha256').update(useId).digest('hex').slice(0, 20);
}
