import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DirectSubmission } from '@faceauth/results';
import { RequestValidationError } from '../errors/request-validation.error';
import { SubmitFaceAuthDto } from './result.dto';

interface MultipartPart {
  type: 'file' | 'field';
  fieldname: string;
  value?: unknown;
  filename?: string;
  toBuffer(): Promise<Buffer>;
}

export interface MultipartRequest {
  isMultipart(): boolean;
  parts(): AsyncIterableIterator<MultipartPart>;
}

/**
 * Reads `POST /v1/faceauth`: text fields validated like a DTO (unknown ones refused) and the single
 * `faceImage` file (its size bounded by the multipart plugin's limit, which answers 413).
 */
export async function readFaceAuthSubmission(request: MultipartRequest): Promise<DirectSubmission> {
  if (!request.isMultipart()) {
    throw new RequestValidationError(
      ['faceImage'],
      'the request must be multipart/form-data with a faceImage file',
    );
  }
  const fields: Record<string, string> = {};
  let image: Buffer | undefined;
  let filename: string | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'faceImage' || image) {
        throw new RequestValidationError(
          [part.fieldname],
          `only one file, named faceImage, is accepted (got ${part.fieldname})`,
        );
      }
      image = await part.toBuffer();
      filename = part.filename;
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  const dto = plainToInstance(SubmitFaceAuthDto, fields);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw RequestValidationError.fromValidationErrors(errors);
  if (!image) throw new RequestValidationError(['faceImage'], 'faceImage is required');
  return { ...dto, image, filename };
}
