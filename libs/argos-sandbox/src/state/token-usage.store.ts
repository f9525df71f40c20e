import { Injectable } from '@nestjs/common';

/** Use history of one FaceAuth token id within one project. */
export interface TokenUsage {
  pid: string;
  tokenId: string;
  uses: number;
  firstUseAt: Date;
  /** Set once the `token_expired` webhook was produced, so it is produced once. */
  noticeSentAt?: Date;
}

/**
 * FaceAuth token usage, keyed by project and token id. Kept apart from any ID Check token state:
 * the contract says a main-project token id may be reused in FaceAuth.
 */
@Injectable()
export class TokenUsageStore {
  private readonly usages = new Map<string, TokenUsage>();

  find(pid: string, tokenId: string): TokenUsage | undefined {
    return this.usages.get(key(pid, tokenId));
  }

  /** Counts one use and returns the updated usage. */
  recordUse(pid: string, tokenId: string, at: Date): TokenUsage {
    const existing = this.find(pid, tokenId);
    const usage = existing
      ? { ...existing, uses: existing.uses + 1 }
      : { pid, tokenId, uses: 1, firstUseAt: at };
    this.usages.set(key(pid, tokenId), usage);
    return usage;
  }

  markNoticeSent(usage: TokenUsage, at: Date): void {
    this.usages.set(key(usage.pid, usage.tokenId), { ...usage, noticeSentAt: at });
  }

  list(): TokenUsage[] {
    return [...this.usages.values()];
  }

  reset(): void {
    this.usages.clear();
  }
}

function key(pid: string, tokenId: string): string {
  return `${pid}\u0000${tokenId}`;
}
