import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DirectSubmission } from '@faceauth/results';
import { RequestValidationError } from '../errors/request-validation.error';
import { assertSafeInput } from '../http/unsafe-input.finder';
import { parseMultipartForm, RawBodyRequest } from './multipart-form.parser';
import { SubmitFaceAuthDto } from './result.dto';

// The form has submissionId, userId, cf1..cf3 and project: room for those and a little more, each short.
const MAX_FIELDS = 10;
const MAX_FIELD_BYTES = 4096;

/**
 * Reads `POST /v1/faceauth`: text fields validated like a DTO (unknown ones refused) and the single
 * `faceImage` file, refused with 413 beyond `maxImageBytes`.
 */
export async function readFaceAuthSubmission(
  request: RawBodyRequest,
  maxImageBytes: number,
): Promise<DirectSubmission> {
  const { fields, file } = await parseMultipartForm(request, {
    fileField: 'faceImage',
    fileBytes: maxImageBytes,
    fields: MAX_FIELDS,
    fieldBytes: MAX_FIELD_BYTES,
  });
  // One input rule with JSON bodies: no NUL or lone surrogate in any text field.
  assertSafeInput(fields, 'form');
  const dto = plainToInstance(SubmitFaceAuthDto, fields);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw RequestValidationError.fromValidationErrors(errors);
  if (!file) throw new RequestValidationError(['faceImage'], 'faceImage is required');
  return { ...dto, image: file.data, filename: file.filename };
}
