import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { SandboxConfig } from '../config/sandbox-config.type';
import { SandboxClock } from '../core/sandbox-clock';
import { InjectSandboxConfig } from '../core/sandbox.tokens';
import { ProjectRegistry, SandboxProject } from '../state/project.registry';
import { TokenUsage, TokenUsageStore } from '../state/token-usage.store';
import { WebhookDispatcher } from '../webhooks/webhook.dispatcher';
import { buildTokenExpiredPayload, WebhookPayload } from '../webhooks/webhook-payload.builder';
import { HostedPageError, HostedPageErrorCode } from './hosted-page.error';

/**
 * The project's "token expiration condition" (contract section 3). A "use" is a submitted attempt
 * on the hosted page; opening the page is not a use, so a reload before submitting stays possible.
 * count: expired once used (notice with `expired_at` on that use). time: expired when
 * `windowSeconds` have passed since the first use (notice with `expected_expired_at`, at first use
 * or when the window elapses, per `notifyAt`).
 */
@Injectable()
export class TokenExpiryService implements OnModuleInit, OnModuleDestroy {
  private sweepTimer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    @InjectSandboxConfig() private readonly config: SandboxConfig,
    private readonly usages: TokenUsageStore,
    private readonly clock: SandboxClock,
    private readonly projects: ProjectRegistry,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  onModuleInit(): void {
    this.sweepTimer = setInterval(() => this.sweep(), this.config.tokenSweepIntervalMs);
    this.sweepTimer.unref();
    this.unsubscribe = this.clock.onChange(() => this.sweep());
  }

  onModuleDestroy(): void {
    clearInterval(this.sweepTimer);
    this.unsubscribe?.();
  }

  /** Throws `TOKEN_EXPIRED` when the token may no longer be used. */
  assertUsable(project: SandboxProject, tokenId: string | undefined): void {
    if (!tokenId) return;
    const usage = this.usages.find(project.pid, tokenId);
    if (usage && this.isExpired(project, usage, this.clock.now())) {
      this.sweep(); // an elapsed-mode notice that is due goes out before the refusal
      throw new HostedPageError(HostedPageErrorCode.TOKEN_EXPIRED, 'This link has expired.');
    }
  }

  /**
   * Checks and counts one use in a single synchronous step. Returns the `token_expired` notice the
   * use made due, already claimed, for the caller to send in the project's `webhookOrder`.
   */
  consume(project: SandboxProject, tokenId: string | undefined): WebhookPayload | undefined {
    this.assertUsable(project, tokenId);
    if (!tokenId || project.tokenExpiration.mode === 'off') return undefined;
    const now = this.clock.now();
    const usage = this.usages.recordUse(project.pid, tokenId, now);
    const policy = project.tokenExpiration;
    if (policy.mode === 'count') return this.claimNotice(usage, 'count', now);
    if (policy.mode === 'time' && usage.uses === 1 && policy.notifyAt === 'first-use') {
      return this.claimNotice(usage, 'time', this.expiresAt(usage, policy.windowSeconds));
    }
    return undefined;
  }

  /** Sends the elapsed-mode notices that are due on the sandbox clock. */
  sweep(): void {
    const now = this.clock.now();
    for (const usage of this.usages.list()) {
      const project = this.projects.findByPid(usage.pid);
      const policy = project?.tokenExpiration;
      if (!project || policy?.mode !== 'time' || policy.notifyAt !== 'elapsed' || usage.noticeSentAt)
        continue;
      const expiresAt = this.expiresAt(usage, policy.windowSeconds);
      const notice = now >= expiresAt ? this.claimNotice(usage, 'time', expiresAt) : undefined;
      if (notice) this.webhooks.send(project, 'token_expired', notice);
    }
  }

  private isExpired(project: SandboxProject, usage: TokenUsage, now: Date): boolean {
    const policy = project.tokenExpiration;
    switch (policy.mode) {
      case 'off':
        return false;
      case 'count':
        return usage.uses >= 1;
      case 'time':
        return now >= this.expiresAt(usage, policy.windowSeconds);
      default:
        return policy satisfies never;
    }
  }

  private expiresAt(usage: TokenUsage, windowSeconds: number): Date {
    return new Date(usage.firstUseAt.getTime() + windowSeconds * 1000);
  }

  // Each token gets one notice: claiming marks it sent before anything is dispatched.
  private claimNotice(usage: TokenUsage, condition: 'count' | 'time', at: Date): WebhookPayload | undefined {
    if (usage.noticeSentAt) return undefined;
    this.usages.markNoticeSent(usage, this.clock.now());
    return buildTokenExpiredPayload(usage.tokenId, condition, at);
  }
}
