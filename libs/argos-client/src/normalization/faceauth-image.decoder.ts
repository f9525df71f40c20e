import { ArgosClientError } from '../errors/argos-client.error';
import { argosMessages } from '../errors/argos-client-error.messages';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { isPlainObject } from '../shared/is-plain-object';
import { detectImageMimeType, FaceImageMimeType } from './image-mime.detector';
import { malformedResponse } from './malformed-response.error';

/** A downloaded selfie. */
export interface FaceImage {
  data: Buffer;
  mimeType: FaceImageMimeType;
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const WRAPPER_FIELDS = ['image', 'faceImage', 'face_image', 'data', 'base64', 'body'];

/**
 * Decodes `GET /faceauth/image`: a base64 string, possibly JSON-quoted, wrapped in a JSON object
 * (`{image: …}`), prefixed with `data:image/…;base64,` or folded over lines; raw JPEG/PNG bytes are
 * accepted too. The type comes from the decoded magic bytes.
 *
 * @throws ArgosClientError `ARGOS_NOT_FOUND` for an empty body (no image kept), `ARGOS_BAD_RESPONSE`
 *   for anything that is not base64 of a JPEG or PNG. Messages never include the body.
 */
export function decodeArgosImage(body: Buffer): FaceImage {
  const raw = detectImageMimeType(body);
  if (raw !== undefined) return { data: body, mimeType: raw };
  let text = body.toString('utf8').trim();
  if (text.startsWith('"') || text.startsWith('{')) text = unwrapJson(text);
  text = text.replace(/^data:[^,]*,/i, '').replace(/\s+/g, '');
  if (text === '') {
    throw new ArgosClientError(
      { code: ArgosErrorCode.NOT_FOUND, operation: 'getImage', attempts: 0 },
      argosMessages.notFound('getImage', ': Argos returned no image'),
    );
  }
  if (!BASE64.test(text)) throw malformedResponse('getImage', 'the image is not base64');
  const data = Buffer.from(text, 'base64');
  const mimeType = detectImageMimeType(data);
  if (mimeType === undefined)
    throw malformedResponse('getImage', 'the decoded image is neither JPEG nor PNG');
  return { data, mimeType };
}

function unwrapJson(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw malformedResponse('getImage', 'the image body is broken JSON');
  }
  if (typeof parsed === 'string') return parsed.trim();
  if (isPlainObject(parsed)) {
    for (const field of WRAPPER_FIELDS) {
      const value = parsed[field];
      if (typeof value === 'string') return value.trim();
    }
  }
  throw malformedResponse('getImage', 'the image body holds no base64 string');
}
