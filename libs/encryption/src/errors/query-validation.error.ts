import { QueryValidationErrorCode } from './query-validation-error-code.enum';

/**
 * Raised when a FaceAuth query is not acceptable. `field` names the offending field (`query` when the
 * value is not an object at all); the message names the field and the rule, never the value.
 */
export class QueryValidationError extends Error {
  override readonly name = 'QueryValidationError';

  constructor(
    readonly code: QueryValidationErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
