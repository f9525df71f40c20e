export { TokenPolicyModule } from './token-policy.module';
export { TOKEN_POLICY_MODULE_OPTIONS } from './token-policy.module-definition';
export type { TokenPolicyModuleOptions, TokenPolicyProject } from './token-policy.options';
export type { LinkPolicy, ArgosTokenExpiration, TokenStatus } from './policy/link-policy';
export { TOKEN_STATUSES } from './policy/link-policy';
export { TokenError, TokenErrorCode } from './policy/token.error';
export { tokenStatus, type TokenState } from './policy/token-status';
export { resolveLinkPolicy } from './policy/policy-resolver';
export { generateTokenId } from './policy/token-id.generator';
export { FaceAuthTokenEntity } from './persistence/faceauth-token.entity';
export { LinkService } from './links/link.service';
export { ShortLinkRefusal, ShortLinkService } from './links/short-link.service';
export {
  type LinkIdentity,
  TokenLedgerService,
  TokenUsagePort,
  type TokenUseOutcome,
  type LinkResult,
  type ResultVerdict,
  type OutcomeAnnouncer,
  type RecordedResult,
  type ExpiryMark,
} from './links/token-ledger.service';
export { outcomeOf } from './outcome/link-outcome';
export {
  LINK_EVENT_TYPES,
  linkEventData,
  linkEventDataOf,
  linkEventType,
  linkOutcomeEventKey,
  type FaceAuthOutcomeEvent,
  type LinkEventData,
  type LinkEventType,
  type OutcomeResultData,
} from './outcome/link-event';
export { OutcomeWatch } from './outcome/outcome-watch.service';
export { OutcomeSweeper } from './outcome/outcome-sweeper.service';
export { FACEAUTH_OUTCOME_EVENT, OutcomeAnnouncement, OutcomePublisher } from './outcome/outcome-publisher';
export {
  LINK_OUTCOME_STATUSES,
  type LinkOutcome,
  type LinkOutcomeReason,
  type LinkOutcomeStatus,
  type PolicyRefusal,
} from './outcome/link-outcome.type';
export type { MintLinkInput, LinkView, LinkPage, MintContext } from './links/link.type';
export {
  LINK_CONTEXT_LIMITS,
  METADATA_KEY_PATTERN,
  type LinkContextProblem,
  type LinkMetadata,
  linkContextProblem,
  metadataProblem,
} from './links/link-context';
export { resolveTokenPolicyOptions } from './token-policy.options';
