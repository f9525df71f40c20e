import { Injectable } from '@nestjs/common';
import { InjectAdminApiOptions, ResolvedAdminApiOptions } from '../admin-api.options';
import { InternalApiKeyService } from './internal-api-key.service';
import { Scope } from './scope.enum';

/**
 * With no key configured anywhere, a fresh development install would be unusable: create one admin key
 * and hand its secret back once (the caller prints it; it never reaches the log stream).
 */
@Injectable()
export class DevAdminKeyBootstrap {
  constructor(
    private readonly keys: InternalApiKeyService,
    @InjectAdminApiOptions() private readonly options: ResolvedAdminApiOptions,
  ) {}

  async ensure(): Promise<string | null> {
    if (this.options.staticKeys.length > 0) return null;
    if ((await this.keys.countActive()) > 0) return null;
    const created = await this.keys.create('dev-admin', [Scope.ADMIN]);
    return created.key;
  }
}
