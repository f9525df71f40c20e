import { Injectable } from '@nestjs/common';
import type { SandboxOperation } from './sandbox-operation';

/** What `GET /__sandbox/stats` returns. */
export interface SandboxStats {
  /** Calls received per operation, faulted ones included. */
  calls: Partial<Record<SandboxOperation, number>>;
  /** Response status counts per operation. */
  statuses: Partial<Record<SandboxOperation, Record<string, number>>>;
  /** `DELETE /v3/faceauth` calls per authId, and how they were answered. */
  deletes: Record<string, { calls: number; statuses: Record<string, number> }>;
  /** Injected faults per kind. */
  faults: Record<string, number>;
  /** Requests that followed a `redirect` fault, and whether they still carried the API key. */
  redirectFollows: Array<{ apiKeyPresent: boolean }>;
}

/** Call counters for tests (e.g. the retention suite counts deletions per authId). */
@Injectable()
export class CallStatsRecorder {
  private stats: SandboxStats = emptyStats();

  recordCall(operation: SandboxOperation, authId: string | undefined): void {
    this.stats.calls[operation] = (this.stats.calls[operation] ?? 0) + 1;
    if (operation === 'DELETE /v3/faceauth' && authId) {
      const entry = (this.stats.deletes[authId] ??= { calls: 0, statuses: {} });
      entry.calls += 1;
    }
  }

  recordStatus(operation: SandboxOperation, authId: string | undefined, status: number): void {
    const perOp = (this.stats.statuses[operation] ??= {});
    perOp[status] = (perOp[status] ?? 0) + 1;
    const entry = operation === 'DELETE /v3/faceauth' && authId ? this.stats.deletes[authId] : undefined;
    if (entry) entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
  }

  recordFault(kind: string): void {
    this.stats.faults[kind] = (this.stats.faults[kind] ?? 0) + 1;
  }

  recordRedirectFollow(apiKeyPresent: boolean): void {
    this.stats.redirectFollows.push({ apiKeyPresent });
  }

  snapshot(): SandboxStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = emptyStats();
  }
}

function emptyStats(): SandboxStats {
  return { calls: {}, statuses: {}, deletes: {}, faults: {}, redirectFollows: [] };
}
