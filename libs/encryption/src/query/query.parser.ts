import { decryptionErrors } from '../errors/decryption-error.messages';
import { DecryptionError } from '../errors/decryption.error';
import { QueryValidationErrorCode } from '../errors/query-validation-error-code.enum';
import { QueryValidationError } from '../errors/query-validation.error';
import { FACEAUTH_QUERY_FIELDS, FaceAuthQuery } from './faceauth-query.interface';
import { PlaintextFormat } from './plaintext-format.type';
import { validateQuery } from './query.validator';

const KNOWN_FIELDS: ReadonlySet<string> = new Set(FACEAUTH_QUERY_FIELDS);

/**
 * Reads a decrypted plaintext back into a validated FaceAuth query.
 * Throws {@link DecryptionError} (`NOT_JSON`, `BAD_PLAINTEXT`, `MISSING_SID`, `INVALID_FIELD`) and nothing
 * else; messages never quote the plaintext.
 */
export function parseQuery(plaintext: string, format: PlaintextFormat): FaceAuthQuery {
  const candidate = format === 'json' ? parseJson(plaintext) : parseQueryString(plaintext);
  try {
    return validateQuery(candidate);
  } catch (error) {
    if (error instanceof QueryValidationError) throw toDecryptionError(error);
    throw error;
  }
}

function parseJson(plaintext: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(plaintext);
  } catch {
    throw decryptionErrors.notJson();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw decryptionErrors.notAnObject();
  return value as Record<string, unknown>;
}

function parseQueryString(plaintext: string): Record<string, string> {
  if (!plaintext.includes('=')) throw decryptionErrors.notAQueryString();
  const record: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(plaintext)) {
    // A repeated key would let two writers disagree on which value counts.
    if (Object.prototype.hasOwnProperty.call(record, key)) {
      throw decryptionErrors.invalidField(KNOWN_FIELDS.has(key) ? key : undefined, 'a field appears twice');
    }
    record[key] = value;
  }
  return record;
}

function toDecryptionError(error: QueryValidationError): DecryptionError {
  if (error.code === QueryValidationErrorCode.REQUIRED && error.field === 'sid')
    return decryptionErrors.missingSid();
  if (error.code === QueryValidationErrorCode.UNKNOWN_FIELD)
    return decryptionErrors.invalidField(undefined, 'unknown field');
  return decryptionErrors.invalidField(error.field, error.message);
}
