export { ResultsModule } from './results.module';
export { RESULTS_MODULE_OPTIONS } from './results.module-definition';
export {
  InjectResultsOptions,
  type ResultsModuleOptions,
  type ResolvedResultsOptions,
} from './results.options';
export { FaceAuthResultEntity } from './faceauth-result.entity';
export { ResultRepository, type ResultListFilter } from './result.repository';
export { ResultsService, type DirectSubmission, type ResultListQuery } from './results.service';
export { type ResultView, toResultView } from './result-view';
export { POLICY_VIOLATIONS, type PolicyViolation } from './policy-violation';
export { IDENTITY_SOURCES, type IdentitySource, type ResultIdentity } from './result-identity';
export { ResultError, ResultErrorCode } from './results.error';
export { checkFaceImage, detectFaceImageType, type AcceptedImageType } from './face-image.check';
export { resolveResultsOptions } from './results.options';
