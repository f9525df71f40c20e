import { Injectable, Optional } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Clock, decodeKeysetCursor, encodeKeysetCursor, FaceAuthMetrics, NOOP_METRICS } from '@faceauth/core';
import { resolveLinkPolicy } from '../policy/policy-resolver';
import { generateTokenId } from '../policy/token-id.generator';
import { TokenError, TokenErrorCode } from '../policy/token.error';
import { TokenStatus } from '../policy/link-policy';
import { FaceAuthTokenEntity } from '../persistence/faceauth-token.entity';
import { TokenRepository } from '../persistence/token.repository';
import { InjectTokenPolicyOptions, ResolvedTokenPolicyOptions } from '../token-policy.options';
import { OutcomePublisher } from '../outcome/outcome-publisher';
import { closingIn, outcomeOf } from '../outcome/link-outcome';
import { OutcomeWatch } from '../outcome/outcome-watch.service';
import { LinkOutcome } from '../outcome/link-outcome.type';
import { LinkEventData, linkEventDataOf } from '../outcome/link-event';
import { linkContextProblem } from './link-context';
import { LinkViewFactory } from './link-view.factory';
import { LinkPage, LinkView, MintContext, MintLinkInput } from './link.type';

/** Mints, reads, lists and revokes FaceAuth links. */
@Injectable()
export class LinkService {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly views: LinkViewFactory,
    private readonly clock: Clock,
    private readonly watch: OutcomeWatch,
    @InjectTokenPolicyOptions() private readonly options: ResolvedTokenPolicyOptions,
    private readonly outcomes: OutcomePublisher,
    @Optional() private readonly metrics: FaceAuthMetrics = NOOP_METRICS,
  ) {}

  /**
   * Mints a link. With an idempotency key, a retried identical request returns the first link; the same
   * key with a different request is a conflict.
   */
  async mint(input: MintLinkInput, context: MintContext = {}): Promise<LinkView> {
    // Before anything is read or written: a refused context never leaves a row behind.
    const contextProblem = linkContextProblem(input);
    if (contextProblem) throw new TokenError(TokenErrorCode.INVALID_LINK_CONTEXT, contextProblem.message);
    const idempotencyKey = context.idempotencyKey
      ? `${context.callerName ?? ''}:${context.idempotencyKey}`
      : null;
    const fingerprint = idempotencyKey ? fingerprintOf(input) : null;
    if (idempotencyKey) {
      const existing = await this.tokens.findByIdempotencyKey(idempotencyKey);
      if (existing) return this.replay(existing, fingerprint);
    }
    const row = this.newRow(input, idempotencyKey, fingerprint);
    // Build the URL before writing: a field the encryption codec refuses must not leave a row behind.
    const url = this.views.urlFor(row);
    try {
      await this.tokens.insert(row);
    } catch (error) {
      const raced = idempotencyKey ? await this.tokens.findByIdempotencyKey(idempotencyKey) : null;
      if (raced) return this.replay(raced, fingerprint);
      if (input.token !== undefined && (await this.tokens.findByToken(input.token)))
        throw new TokenError(TokenErrorCode.TOKEN_TAKEN, 'This token id is already bound to another link');
      throw error;
    }
    this.metrics.token('minted');
    return this.views.view(row, row.createdAt, url);
  }

  /**
   * A link. With `waitMs`, a long poll: answers as soon as the outcome leaves `pending` (decided here or by
   * another instance, or reached by time), or at the end of the wait with the pending link; `signal`
   * ends the wait early (the client went away). No database connection is held while waiting.
   */
  async get(id: string, waitMs = 0, signal?: AbortSignal): Promise<LinkView> {
    const row = await this.findOrThrow(id);
    const now = this.clock.now();
    if (waitMs <= 0 || outcomeOf(row, now).status !== 'pending') return this.views.view(row, now);
    // A link that will expire during the wait answers then (+1 ms: boundaries are half-open).
    const closesIn = closingIn(row, now);
    await this.watch.wait(id, Math.min(waitMs, closesIn === null ? waitMs : closesIn + 1), signal);
    return this.views.view(await this.findOrThrow(id));
  }

  async list(filter: {
    sid?: string;
    authUserId?: string;
    project?: string;
    clientReference?: string;
    status?: TokenStatus;
    cursor?: string;
    limit?: number;
  }): Promise<LinkPage> {
    const limit = filter.limit ?? 50;
    const now = this.clock.now();
    const rows = await this.tokens.list(
      { ...filter, limit: limit + 1, after: filter.cursor ? decodeKeysetCursor(filter.cursor) : undefined },
      now,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => this.views.view(row, now)),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.createdAt, last.id) : null,
    };
  }

  /** A link as events carry it (no token, no URL), read once, no URL encrypted; null when unknown. */
  async eventData(id: string): Promise<LinkEventData | null> {
    const row = await this.tokens.findById(id);
    return row ? linkEventDataOf(row, this.clock.now()) : null;
  }

  private async findOrThrow(id: string): Promise<FaceAuthTokenEntity> {
    const row = await this.tokens.findById(id);
    if (!row) throw new TokenError(TokenErrorCode.TOKEN_NOT_FOUND, 'No link has this id');
    return row;
  }

  /**
   * Revokes a link; revoking twice is not an error. A pending outcome becomes `revoked`, unless the link had
   * already expired unused: that outcome (`expired`) is kept, as it was, with its instant. The announcement
   * of the outcome (outbox) commits with the revocation.
   */
  async revoke(id: string): Promise<LinkView> {
    const row = await this.findOrThrow(id);
    const now = this.clock.now();
    const reached = outcomeOf(row, now);
    const outcome: LinkOutcome =
      reached.status === 'pending'
        ? { status: 'revoked', authId: null, decidedAt: now, reason: 'revoked' }
        : reached;
    const announcement = await this.outcomes.prepare();
    try {
      if (await this.tokens.revoke(id, now, outcome, (decided) => announcement.steps(decided, null, now))) {
        this.metrics.token('revoked');
        this.watch.notify(id);
      }
    } catch (error) {
      announcement.discarded();
      throw error;
    }
    await announcement.committed();
    return this.get(id);
  }

  private newRow(
    input: MintLinkInput,
    idempotencyKey: string | null,
    fingerprint: string | null,
  ): FaceAuthTokenEntity {
    const projectName = input.project ?? this.options.defaultProject;
    const project = this.options.projects.get(projectName);
    if (!project)
      throw new TokenError(TokenErrorCode.UNKNOWN_PROJECT, `project "${projectName}" is not configured`);
    const policy = resolveLinkPolicy(input.policy, project.tokenExpiration);
    const tokenInUrl = input.tokenInUrl ?? true;
    if (!tokenInUrl && project.tokenExpiration.mode !== 'off') {
      throw new TokenError(
        TokenErrorCode.INVALID_POLICY,
        `tokenInUrl: false needs a project whose Argos token expiration is off ("${projectName}" has it on)`,
      );
    }
    const ttl = input.expiresInSeconds ?? this.options.unusedLinkTtlSeconds;
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > this.options.maxUnusedLinkTtlSeconds) {
      throw new TokenError(
        TokenErrorCode.INVALID_POLICY,
        `expiresInSeconds must be a whole number from 1 to ${this.options.maxUnusedLinkTtlSeconds}`,
      );
    }
    const now = this.clock.now();
    return Object.assign(new FaceAuthTokenEntity(), {
      id: randomUUID(),
      token: input.token ?? generateTokenId(),
      tokenInUrl,
      project: projectName,
      sid: input.sid,
      authUserId: input.authUserId ?? null,
      authCf1: input.authCf1 ?? null,
      authCf2: input.authCf2 ?? null,
      authCf3: input.authCf3 ?? null,
      lang: input.lang ?? null,
      policyMode: policy.mode,
      maxUses: policy.mode === 'count' ? policy.maxUses : null,
      windowSeconds: policy.mode === 'time' ? policy.windowSeconds : null,
      consumeOn: input.consumeOn ?? 'result',
      useCount: 0,
      useKeys: '',
      firstUsedAt: null,
      windowEndsAt: null,
      expiresAt: new Date(now.getTime() + ttl * 1000),
      revokedAt: null,
      expiredAt: null,
      createdAt: now,
      idempotencyKey,
      requestFingerprint: fingerprint,
      clientReference: input.clientReference ?? null,
      metadata: input.metadata && Object.keys(input.metadata).length > 0 ? { ...input.metadata } : null,
      outcomeStatus: 'pending',
      outcomeAuthId: null,
      outcomeDecidedAt: null,
      outcomeReason: null,
    });
  }

  private replay(existing: FaceAuthTokenEntity, fingerprint: string | null): LinkView {
    if (existing.requestFingerprint !== fingerprint) {
      throw new TokenError(
        TokenErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This Idempotency-Key was already used with a different request',
      );
    }
    return this.views.view(existing);
  }
}

function fingerprintOf(input: MintLinkInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/** JSON with object keys sorted at every depth, so that field order does not change the fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
