import { OutcomePublisher } from './outcome/outcome-publisher';
import { OutcomeSweeper } from './outcome/outcome-sweeper.service';
import { OutcomeWatch } from './outcome/outcome-watch.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LinkViewFactory } from './links/link-view.factory';
import { LinkService } from './links/link.service';
import { ShortLinkService } from './links/short-link.service';
import { TokenLedgerService, TokenUsagePort } from './links/token-ledger.service';
import { FaceAuthTokenEntity } from './persistence/faceauth-token.entity';
import { TokenRepository } from './persistence/token.repository';
import { TOKEN_POLICY_MODULE_OPTIONS, TokenPolicyConfigurableModule } from './token-policy.module-definition';
import {
  resolveTokenPolicyOptions,
  TOKEN_POLICY_OPTIONS,
  TokenPolicyModuleOptions,
} from './token-policy.options';

/**
 * Token issuance, consumption and revocation. Needs, from the host: a TypeORM DataSource holding
 * {@link FaceAuthTokenEntity}, a `Clock`, and `FaceAuthUrlService` (EncryptionModule).
 */
@Module({
  imports: [TypeOrmModule.forFeature([FaceAuthTokenEntity])],
  providers: [
    {
      provide: TOKEN_POLICY_OPTIONS,
      useFactory: (options: TokenPolicyModuleOptions) => resolveTokenPolicyOptions(options),
      inject: [TOKEN_POLICY_MODULE_OPTIONS],
    },
    TokenRepository,
    LinkViewFactory,
    LinkService,
    ShortLinkService,
    TokenLedgerService,
    OutcomeWatch,
    OutcomeSweeper,
    OutcomePublisher,
    { provide: TokenUsagePort, useExisting: TokenLedgerService },
  ],
  exports: [
    LinkService,
    ShortLinkService,
    TokenLedgerService,
    TokenUsagePort,
    OutcomeWatch,
    OutcomeSweeper,
    OutcomePublisher,
  ],
})
export class TokenPolicyModule extends TokenPolicyConfigurableModule {}
