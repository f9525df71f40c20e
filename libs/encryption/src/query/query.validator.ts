import { QueryValidationErrorCode } from '../errors/query-validation-error-code.enum';
import { QueryValidationError } from '../errors/query-validation.error';
import { FACEAUTH_QUERY_FIELDS, FaceAuthQuery, FaceAuthQueryField } from './faceauth-query.interface';
import { QUERY_FIELD_MAX_LENGTH } from './query-field.limits';
import { isValidTokenId } from './token-id.pattern';

const KNOWN_FIELDS: ReadonlySet<string> = new Set(FACEAUTH_QUERY_FIELDS);
// A lone surrogate cannot be encoded in UTF-8 (Argos would receive U+FFFD) and makes encodeURIComponent
// throw. The cheap test screens out almost every string before the exact one runs.
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Unknown keys are named in the error only when the name is harmless to echo.
const ECHOABLE_NAME = /^[A-Za-z0-9_]{1,40}$/;

/**
 * Checks an untrusted value as a FaceAuth query and returns a normalized copy (known fields only, in
 * canonical order; optional fields that are `undefined`, `null` or `''` are treated as absent).
 *
 * Rules: an object; no unknown own keys; `sid` required and non-empty; every field a string within
 * {@link QUERY_FIELD_MAX_LENGTH}, well-formed Unicode; `token` matching {@link TOKEN_ID_PATTERN}.
 * Throws {@link QueryValidationError} naming the field; values never appear in the message.
 */
export function validateQuery(q: unknown): FaceAuthQuery {
  if (typeof q !== 'object' || q === null || Array.isArray(q)) {
    throw new QueryValidationError(
      QueryValidationErrorCode.NOT_AN_OBJECT,
      'query',
      'The FaceAuth query must be an object',
    );
  }
  const record = q as Record<string, unknown>;
  // for-in rather than Object.keys: this runs on every minted link, and it allocates nothing.
  for (const key in record) {
    if (!KNOWN_FIELDS.has(key) && Object.prototype.hasOwnProperty.call(record, key)) throw unknownField(key);
  }
  const sid = checkField('sid', record.sid);
  if (sid === undefined) {
    throw new QueryValidationError(
      QueryValidationErrorCode.REQUIRED,
      'sid',
      'sid is required and must not be empty',
    );
  }
  // Unrolled so that every result shares one hidden class in canonical order (JSON.stringify relies on it).
  const result: FaceAuthQuery = { sid };
  const authUserId = checkField('authUserId', record.authUserId);
  if (authUserId !== undefined) result.authUserId = authUserId;
  const authCf1 = checkField('authCf1', record.authCf1);
  if (authCf1 !== undefined) result.authCf1 = authCf1;
  const authCf2 = checkField('authCf2', record.authCf2);
  if (authCf2 !== undefined) result.authCf2 = authCf2;
  const authCf3 = checkField('authCf3', record.authCf3);
  if (authCf3 !== undefined) result.authCf3 = authCf3;
  const token = checkField('token', record.token);
  if (token !== undefined) result.token = token;
  return result;
}

function checkField(field: FaceAuthQueryField, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new QueryValidationError(QueryValidationErrorCode.NOT_A_STRING, field, `${field} must be a string`);
  }
  const max = QUERY_FIELD_MAX_LENGTH[field];
  if (value.length > max) {
    throw new QueryValidationError(
      QueryValidationErrorCode.TOO_LONG,
      field,
      `${field} must be at most ${max} characters`,
    );
  }
  if (ANY_SURROGATE.test(value) && LONE_SURROGATE.test(value)) {
    throw new QueryValidationError(
      QueryValidationErrorCode.MALFORMED_UNICODE,
      field,
      `${field} contains an unpaired UTF-16 surrogate`,
    );
  }
  if (field === 'token' && !isValidTokenId(value)) {
    throw new QueryValidationError(
      QueryValidationErrorCode.INVALID_TOKEN_ID,
      field,
      'token must be 8-64 characters of [A-Za-z0-9._-], starting and ending with a letter or digit',
    );
  }
  return value;
}

function unknownField(key: string): QueryValidationError {
  const shown = ECHOABLE_NAME.test(key) ? key : '(unprintable)';
  return new QueryValidationError(
    QueryValidationErrorCode.UNKNOWN_FIELD,
    shown,
    `Unknown FaceAuth query field ${shown} (allowed: ${FACEAUTH_QUERY_FIELDS.join(', ')})`,
  );
}
