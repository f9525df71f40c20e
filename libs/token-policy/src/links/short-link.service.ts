import { Injectable } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { refusalFor, tokenStatus } from '../policy/token-status';
import { TokenError, TokenErrorCode } from '../policy/token.error';
import { TokenRepository } from '../persistence/token.repository';
import { stateOf } from '../persistence/token-state';
import { LinkViewFactory } from './link-view.factory';
import { TokenLedgerService } from './token-ledger.service';

/**
 * Resolves a short link to a freshly built Face Auth URL, only while the token policy allows it, so that a
 * revoked, used or expired link never reaches Argos.
 */
@Injectable()
export class ShortLinkService {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly ledger: TokenLedgerService,
    private readonly views: LinkViewFactory,
    private readonly clock: Clock,
  ) {}

  async open(id: string): Promise<string> {
    const row = await this.tokens.findById(id);
    if (!row) throw new TokenError(TokenErrorCode.TOKEN_NOT_FOUND, 'This link does not exist');
    const now = this.clock.now();
    const status = tokenStatus(stateOf(row), now);
    if (status !== 'active')
      throw new ShortLinkRefusal(refusalFor(status), `This link can no longer be used: ${status}`, row.lang);
    if (row.consumeOn === 'open') {
      try {
        await this.ledger.consumeOrThrow(row.token, now);
      } catch (error) {
        if (error instanceof TokenError) throw new ShortLinkRefusal(error.code, error.message, row.lang);
        throw error;
      }
    }
    return this.views.urlFor(row);
  }
}

/** A refused short link, with the language the link was minted with (for the page that says so). */
export class ShortLinkRefusal extends TokenError {
  constructor(
    code: TokenErrorCode,
    message: string,
    readonly lang: string | null,
  ) {
    super(code, message);
  }
}
