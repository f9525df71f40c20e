import { ArgosClientError } from '../errors/argos-client.error';
import { argosMessages } from '../errors/argos-client-error.messages';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosOperation } from '../errors/argos-operation.type';
import { ListResultsQuery, SubmitFaceImageInput } from './argos-call.interface';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Ids travel in query strings and headers: no control characters.
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_ID_LENGTH = 256;

// Client-side refusals happen before any network call, hence attempts: 0.
function refuse(operation: ArgosOperation, field: string, reason: string): ArgosClientError {
  return new ArgosClientError(
    { code: ArgosErrorCode.INVALID_INPUT, operation, attempts: 0 },
    argosMessages.invalidInput(field, reason),
  );
}

/** An authentication id / submission id: a non-empty string without control characters. */
export function validateId(value: unknown, operation: ArgosOperation, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw refuse(operation, field, 'must be a non-empty string');
  if (value.length > MAX_ID_LENGTH || CONTROL.test(value))
    throw refuse(operation, field, `must be at most ${MAX_ID_LENGTH} printable characters`);
  return value.trim();
}

/**
 * Checks an upload before any call: required fields, a non-empty image (INVALID_INPUT) no larger than
 * `maxImageBytes` (IMAGE_TOO_LARGE). The image type itself is left to the caller (see `detectImageMimeType`).
 */
export function validateSubmitInput(input: SubmitFaceImageInput, maxImageBytes: number): void {
  const op: ArgosOperation = 'submitFaceImage';
  if (typeof input !== 'object' || input === null) throw refuse(op, 'input', 'must be an object');
  validateId(input.submissionId, op, 'submissionId');
  if (!(input.image instanceof Uint8Array)) throw refuse(op, 'image', 'must be a Buffer');
  if (input.image.length === 0) throw refuse(op, 'image', 'is empty');
  if (input.image.length > maxImageBytes) {
    throw new ArgosClientError(
      { code: ArgosErrorCode.IMAGE_TOO_LARGE, operation: op, attempts: 0 },
      argosMessages.imageTooLarge(input.image.length, maxImageBytes),
    );
  }
  for (const field of ['filename', 'mimeType'] as const) {
    if (typeof input[field] !== 'string' || input[field].trim() === '' || CONTROL.test(input[field])) {
      throw refuse(op, field, 'must be a non-empty string without control characters');
    }
  }
  for (const field of ['userId', 'cf1', 'cf2', 'cf3'] as const) {
    if (input[field] !== undefined && typeof input[field] !== 'string')
      throw refuse(op, field, 'must be a string when given');
  }
}

/** Dates `yyyy-mm-dd`, both or neither, start not after end; count an integer in 1-2000. */
export function validateListQuery(query: ListResultsQuery): ListResultsQuery {
  const op: ArgosOperation = 'listResults';
  const { startDate, endDate, count } = query;
  if ((startDate === undefined) !== (endDate === undefined))
    throw refuse(op, 'startDate/endDate', 'give both dates or neither');
  for (const [field, value] of [
    ['startDate', startDate],
    ['endDate', endDate],
  ] as const) {
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
      throw refuse(op, field, 'must be a date yyyy-mm-dd');
    }
  }
  if (startDate !== undefined && endDate !== undefined && startDate > endDate)
    throw refuse(op, 'startDate', 'must not be after endDate');
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 2000)) {
    throw refuse(op, 'count', 'must be an integer between 1 and 2000');
  }
  return { startDate, endDate, count };
}
