import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiKeyPrincipal } from './api-key-principal';
import { hashApiKey, sameHash } from './api-key.codec';
import { InternalApiKeyEntity } from './internal-api-key.entity';
import { isScope, Scope } from './scope.enum';
import { InjectAdminApiOptions, ResolvedAdminApiOptions } from '../admin-api.options';

interface KnownKey {
  hash: string;
  principal: ApiKeyPrincipal;
}

/**
 * The set of active keys, held in memory so that authenticating a request costs one SHA-256 and a map
 * look-up, never a database query. Database keys are re-read every `keyRefreshMs` and at once after a
 * change made through this process; a revocation made by another process takes effect within that period.
 */
@Injectable()
export class ApiKeyRegistry implements OnModuleDestroy {
  private known = new Map<string, KnownKey>();
  private loadedAt = 0;
  private refreshing: Promise<void> | null = null;
  private readonly staticKeys: Map<string, KnownKey>;

  constructor(
    @InjectRepository(InternalApiKeyEntity) private readonly keys: Repository<InternalApiKeyEntity>,
    @InjectAdminApiOptions() private readonly options: ResolvedAdminApiOptions,
  ) {
    this.staticKeys = new Map(
      options.staticKeys.map((k) => [
        k.hash,
        { hash: k.hash, principal: { keyName: k.name, source: 'config', scopes: new Set(k.scopes) } },
      ]),
    );
  }

  /** Resolves a presented key to its principal, or null when it is unknown or revoked. */
  async authenticate(presented: string): Promise<ApiKeyPrincipal | null> {
    if (this.isStale()) await this.refresh();
    return this.lookup(presented);
  }

  /** Whether the keys in memory are older than `keyRefreshMs`: {@link lookup} must wait for a refresh. */
  isStale(): boolean {
    return Date.now() - this.loadedAt > this.options.keyRefreshMs;
  }

  /** {@link authenticate} on the keys in memory, without a refresh: for callers that checked {@link isStale}. */
  lookup(presented: string): ApiKeyPrincipal | null {
    const hash = hashApiKey(presented);
    const found = this.known.get(hash);
    return found && sameHash(found.hash, hash) ? found.principal : null;
  }

  /** Re-reads database keys now; concurrent callers share one query. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  onModuleDestroy(): void {
    this.known.clear();
  }

  private async load(): Promise<void> {
    const rows = await this.keys.find({ where: { revokedAt: IsNull() } });
    const next = new Map(this.staticKeys);
    for (const row of rows) {
      const scopes = new Set(row.scopes.filter(isScope) as Scope[]);
      next.set(row.keyHash, {
        hash: row.keyHash,
        principal: { keyName: row.name, source: 'database', scopes },
      });
    }
    this.known = next;
    this.loadedAt = Date.now();
  }
}
