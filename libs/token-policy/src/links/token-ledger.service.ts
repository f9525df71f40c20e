import { Injectable, Optional } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock, FaceAuthMetrics, NOOP_METRICS } from '@faceauth/core';
import { TokenStatus } from '../policy/link-policy';
import { refusalFor, tokenStatus } from '../policy/token-status';
import { TokenError } from '../policy/token.error';
import { TokenRepository } from '../persistence/token.repository';
import { stateOf } from '../persistence/token-state';
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
  /** Argos reported this token id expired. */
  abstract markExpired(token: string, at: Date): Promise<boolean>;
  /** The link this token id belongs to, if we minted it. */
  abstract linkOf(token: string): Promise<LinkIdentity | null>;
}

@Injectable()
export class TokenLedgerService extends TokenUsagePort {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly clock: Clock,
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

/** A fixed-width hex digest of the use id: no character that SQL LIKE would treat as a wildcard. */
function useKeyOf(useId: string): string {
  return createHash('sha256').update(useId).digest('hex').slice(0, 20);
}
