import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Clock, DomainError, DomainErrorKind } from '@faceauth/core';
import { AdminApiErrorCode } from '../errors/admin-api-error-code';
import { generateApiKey } from './api-key.codec';
import { ApiKeyRegistry } from './api-key.registry';
import { InternalApiKeyEntity } from './internal-api-key.entity';
import { Scope } from './scope.enum';

export interface CreatedApiKey {
  id: string;
  name: string;
  scopes: Scope[];
  /** The secret: shown once, never stored. */
  key: string;
}

/** Creates, lists and revokes database-held internal API keys (used by the CLI and the bootstrap). */
@Injectable()
export class InternalApiKeyService {
  constructor(
    @InjectRepository(InternalApiKeyEntity) private readonly keys: Repository<InternalApiKeyEntity>,
    private readonly registry: ApiKeyRegistry,
    private readonly clock: Clock,
  ) {}

  async create(name: string, scopes: Scope[]): Promise<CreatedApiKey> {
    if (scopes.length === 0) {
      throw new DomainError(
        AdminApiErrorCode.INVALID_SCOPES,
        DomainErrorKind.INVALID,
        'A key needs at least one scope',
      );
    }
    const generated = generateApiKey();
    const id = randomUUID();
    await this.keys.insert({
      id,
      name,
      keyHash: generated.hash,
      keyPrefix: generated.prefix,
      scopes,
      createdAt: this.clock.now(),
      revokedAt: null,
    });
    await this.registry.refresh();
    return { id, name, scopes, key: generated.key };
  }

  list(): Promise<InternalApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'ASC' } });
  }

  async countActive(): Promise<number> {
    return this.keys.count({ where: { revokedAt: IsNull() } });
  }

  /** Revokes by id or name; idempotent. Returns how many keys were revoked now. */
  async revoke(idOrName: string): Promise<number> {
    const now = this.clock.now().getTime();
    const result = await this.keys
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => String(now) })
      .where('revoked_at IS NULL AND (id = :v OR name = :v)', { v: idOrName })
      .execute();
    await this.registry.refresh();
    return result.affected ?? 0;
  }
}
