import type { FastifyRequest } from 'fastify';
// Brings in the request.parts()/isMultipart() typings the plugin adds to Fastify.
import type {} from '@fastify/multipart';

/** A fully buffered multipart form: text fields and non-empty files by field name (first wins). */
export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, Buffer>;
}

/** Why a request body could not be read as a form. */
export class MultipartFormError extends Error {
  override readonly name = 'MultipartFormError';

  constructor(readonly reason: 'not-multipart' | 'too-large' | 'malformed') {
    super(`multipart body ${reason}`);
  }
}

/**
 * Buffers a multipart body, refusing any file above `limitBytes` (413 material). Files are small
 * face images, so buffering is fine; every part is drained or the parser would stall.
 */
export async function readMultipartForm(request: FastifyRequest, limitBytes: number): Promise<MultipartForm> {
  if (!request.isMultipart()) throw new MultipartFormError('not-multipart');
  const form: MultipartForm = { fields: {}, files: {} };
  try {
    const parts = request.parts({
      limits: { fileSize: limitBytes, files: 4, fields: 32, fieldSize: 64 * 1024 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        // A browser sends an empty file part for an untouched <input type=file>.
        if (bytes.length > 0 && !(part.fieldname in form.files)) form.files[part.fieldname] = bytes;
      } else if (!(part.fieldname in form.fields)) {
        form.fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    throw new MultipartFormError(status === 413 ? 'too-large' : 'malformed');
  }
  return form;
}
