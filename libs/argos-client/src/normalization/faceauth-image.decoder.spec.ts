import fc from 'fast-check';
import { ArgosClientError } from '../errors/argos-client.error';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { decodeArgosImage } from './faceauth-image.decoder';
import { detectImageMimeType } from './image-mime.detector';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 1, 2, 3]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);

describe('detectImageMimeType', () => {
  it.each<[string, Buffer, string | undefined]>([
    ['JPEG', JPEG, 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
    ['GIF', Buffer.from('GIF89a'), undefined],
    ['a truncated JPEG magic', Buffer.from([0xff, 0xd8]), undefined],
    ['nothing', Buffer.alloc(0), undefined],
  ])('%s → %s', (_case, bytes, expected) => {
    expect(detectImageMimeType(bytes)).toBe(expected);
  });
});

describe('decodeArgosImage', () => {
  it('accepts base64url alphabet and missing padding', () => {
    const b64url = PNG.toString('base64url');
    expect(decodeArgosImage(Buffer.from(b64url)).data.equals(PNG)).toBe(true);
  });

  it('rejects a JSON object without a base64 string', () => {
    expect(() => decodeArgosImage(Buffer.from('{"foo":1}'))).toThrow(
      expect.objectContaining({ code: ArgosErrorCode.BAD_RESPONSE }),
    );
  });

  it('never crashes and never puts the body in the message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          return detectImageMimeType(decodeArgosImage(Buffer.from(bytes)).data) !== undefined;
        } catch (error: unknown) {
          return (
            error instanceof ArgosClientError &&
            !error.message.includes(Buffer.from(bytes).toString('base64').slice(0, 12) || '\0')
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
