import { Injectable } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { refusalFor, tokenStatus } from '../policy/token-status';
import { TokenError, TokenErrorCode } from '../policy/token.error';
import { TokenRepository } from '../persistence/token.repository';
import { stateOf } from '../persistence/token-state';
import { LinkViewFactory } from './link-view.factory';
import { TokenLedger } from './token-ledger';

/**
 * Resolves a short link to a freshly built Face Auth URL, only while the token policy allows it, so that a
 * revoked, used or expired link never reaches Argos.
 */
@Injectable()
export class ShortLinkService {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly ledger: TokenLedger,
    private readonly views: LinkViewFactory,
    private readonly clock: Clock,
  ) {}

  async open(id: string): Promise<string> {
    const row = await this.tokens.findById(id);
    if (!row) throw new TokenError(TokenErrorCode.TOKEN_NOT_FOUND, 'This link does not exist');
    const now = this.clock.now();
    const status = tokenStatus(stateOf(row), now);
    if (status !== 'active')
      throw new TokenError(refusalFor(status), `This link can no longer be used: ${status}`);
    if (row.consumeOn === 'open') await this.ledger.consumeOrThrow(row.token, now);
    return this.views.urlFor(row);
  }

  /** The language the link was minted with (`lang`), for the pages that refuse it. */
  async languageOf(id: string): Promise<string | null> {
    return (await this.tokens.findById(id))?.lang ?? null;
  }
}
