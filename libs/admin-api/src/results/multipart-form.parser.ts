import { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import Busboy from '@fastify/busboy';
import { ResultError, ResultErrorCode } from '@faceauth/results';
import { MalformedMultipartError } from '../errors/malformed-multipart.error';
import { RequestValidationError } from '../errors/request-validation.error';

/** The one file of a form, fully buffered. */
export interface MultipartFile {
  filename: string | undefined;
  data: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  file: MultipartFile | undefined;
}

/** What the parser accepts; anything beyond is refused (413 for the file, 400 for the rest). */
export interface MultipartLimits {
  /** The only file field name accepted. */
  fileField: string;
  fileBytes: number;
  fields: number;
  fieldBytes: number;
}

/** The parts of a Fastify request this parser reads: the headers and the unconsumed body stream. */
export interface RawBodyRequest {
  headers: IncomingHttpHeaders;
  raw: Readable;
}

const MULTIPART = /^multipart\/form-data\s*;/i;

/**
 * Reads a `multipart/form-data` body straight from the request stream, for the one route that takes one
 * (`POST /v1/faceauth`), so that no global plugin adds hooks to every other request. At most one file,
 * named `limits.fileField`, buffered up to `limits.fileBytes` (over it: IMAGE_TOO_LARGE, 413, and nothing
 * more is buffered); text fields bounded in number and size. Every stream involved (the request, Busboy,
 * each file part) has an 'error' listener: a body cut short is a 400 MALFORMED_MULTIPART, never an
 * unhandled 'error' event that would stop the process.
 */
export function parseMultipartForm(request: RawBodyRequest, limits: MultipartLimits): Promise<MultipartForm> {
  const contentType = request.headers['content-type'];
  if (typeof contentType !== 'string' || !MULTIPART.test(contentType)) {
    return Promise.reject(
      new RequestValidationError(
        [limits.fileField],
        `the request must be multipart/form-data with a ${limits.fileField} file`,
      ),
    );
  }
  return new Promise<MultipartForm>((resolve, reject) => {
    const form: MultipartForm = { fields: {}, file: undefined };
    let settled = false;
    let busboy: ReturnType<typeof Busboy>;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      // Stop parsing and discard the rest of the body. Node reads an unread body to its end by itself,
      // but not one that was partly read: left paused, it would stall the keep-alive connection.
      request.raw.unpipe(busboy);
      request.raw.resume();
      reject(error);
    };
    try {
      busboy = Busboy({
        headers: { ...request.headers, 'content-type': contentType },
        limits: {
          fileSize: limits.fileBytes,
          files: 1,
          fields: limits.fields,
          fieldSize: limits.fieldBytes,
          parts: limits.fields + 1,
        },
      });
    } catch {
      // No boundary, or one Busboy cannot use.
      reject(MalformedMultipartError.missingBoundary());
      return;
    }
    const endedEarly = (): void => fail(MalformedMultipartError.endedEarly());
    busboy.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) {
        fail(new RequestValidationError([name], `${name} is longer than ${limits.fieldBytes} bytes`));
      } else {
        form.fields[name] = value;
      }
    });
    busboy.on('file', (name, stream, filename) => {
      // Busboy reports a part cut short ("Part terminated early") on the part's own stream.
      stream.on('error', endedEarly);
      if (name !== limits.fileField) {
        stream.resume();
        fail(
          new RequestValidationError(
            [name],
            `only one file, named ${limits.fileField}, is accepted (got ${name})`,
          ),
        );
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () =>
        fail(
          new ResultError(
            ResultErrorCode.IMAGE_TOO_LARGE,
            `${limits.fileField} is larger than ${limits.fileBytes} bytes`,
          ),
        ),
      );
      stream.on('end', () => {
        if (!settled) form.file = { filename: filename || undefined, data: Buffer.concat(chunks) };
      });
    });
    busboy.on('filesLimit', () =>
      fail(
        new RequestValidationError(
          [limits.fileField],
          `only one file, named ${limits.fileField}, is accepted`,
        ),
      ),
    );
    const tooMany = (): void =>
      fail(new RequestValidationError([], `at most ${limits.fields} form fields are accepted`));
    busboy.on('fieldsLimit', tooMany);
    busboy.on('partsLimit', tooMany);
    busboy.on('error', () => fail(MalformedMultipartError.malformed()));
    busboy.on('finish', () => {
      if (settled) return;
      settled = true;
      resolve(form);
    });
    // A client that disconnects mid-body: Node destroys the request stream, with an 'error' because it has
    // a listener. If that happened before this handler ran (while the guard checked the key), the stream
    // is already destroyed and would never emit anything again.
    if (request.raw.destroyed) return endedEarly();
    request.raw.on('error', endedEarly);
    request.raw.pipe(busboy);
  });
}
