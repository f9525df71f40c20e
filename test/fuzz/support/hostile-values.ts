import fc from 'fast-check';

/** Cursors as the API hands them out: base64url of `{c: epoch ms, i: id}` (keyset-cursor.ts). */
export const cursorOf = (value: unknown): string =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'sub\u0000abc',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\u0000',
  '%00',
  '%',
  '../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE faceauth_tokens; --',
  '${jndi:ldap://127.0.0.1/a}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'null',
  '\u202Eevil',
  '\r\nX-Injected: 1',
  '💥',
  'a'.repeat(121),
  'é'.repeat(300),
];

/** Strings a careless handler chokes on: NUL, lone surrogates, over-long, injection-shaped, control chars. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 120, maxLength: 600 }) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 10 }),
        fc.constantFrom('\u0000', '\uD800', '\uDC00', '\uDBFF'),
        fc.string({ maxLength: 10 }),
      )
      .map(([a, b, c]) => a + b + c),
  },
);

/** Numbers at and past every edge: ±2^63, 1e300, fractions, negatives, unsafe integers. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    -0,
    0.5,
    1.5,
    1e300,
    -1e300,
    1e-300,
    2 ** 63,
    -(2 ** 63),
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    2 ** 31,
    201,
    1001,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value (for wrong types and extra fields), shallow. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  hostileString,
  hostileNumber,
);

/** Extra members an attacker adds to an object (prototype pollution keys included). */
export const extraFields: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'createdAt', 'isAdmin'),
    fc.string({ maxLength: 12 }),
  ),
  anyJson,
  { maxKeys: 3 },
);

/** Query-string text that is not valid percent-encoding or not UTF-8 once decoded. */
export const badPercentEncoding: fc.Arbitrary<string> = fc.constantFrom(
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%FF',
  '%ED%A0%80',
  'a%2',
  '%%32%30',
  '%u0041',
);

/** `depth` nested levels of JSON text, objects or arrays (the stack overflow is ~3,000 deep). */
export function deepJson(depth: number, style: 'object' | 'array'): string {
  return style === 'object'
    ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
    : '['.repeat(depth) + ']'.repeat(depth);
}

export const deepJsonText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(64, 200, 1000, 3000, 6000), fc.constantFrom('object' as const, 'array' as const))
  .map(([depth, style]) => deepJson(depth, style));

/** Crafted list cursors: hostile `c` and `i`, wrong shapes, garbage. */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .record(
      {
        c: fc.oneof(fc.integer({ min: 0, max: 8.64e15 }), hostileNumber, anyJson),
        i: fc.oneof(fc.uuid(), hostileString, anyJson),
      },
      { requiredKeys: [] },
    )
    .map(cursorOf),
  fc.constantFrom(
    cursorOf({ c: 1e300, i: 'x' }),
    cursorOf({ c: 1e300 }),
    cursorOf({ c: 2 ** 63, i: 'x' }),
    cursorOf({ c: -(2 ** 63), i: 'x' }),
    cursorOf({ c: 1, i: 'a\u0000b' }),
    cursorOf([1, 'x']),
    cursorOf(null),
    cursorOf('x'),
    'not-a-cursor',
    '====',
    'eyJjIjox', // truncated JSON
  ),
  anyJson.map(cursorOf),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
);

const hex = (byte: number): string => '%' + byte.toString(16).toUpperCase().padStart(2, '0');

/**
 * `encodeURIComponent` that does not throw on lone surrogates: it writes their three-byte (CESU-8) form,
 * which is not UTF-8, so the server receives exactly the ill-formed text a hostile client would send.
 */
export function encodeComponent(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map(hex).join('');
    } else {
      out += encodeURIComponent(value[i]);
    }
  }
  return out;
}

/** The bytes of a string as a hostile client sends them: UTF-8, lone surrogates in their CESU-8 form. */
export function rawBytes(value: string): Buffer {
  return Buffer.from(decodeURIComponentBytes(encodeComponent(value)));
}

function decodeURIComponentBytes(encoded: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === '%') {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(encoded.charCodeAt(i));
    }
  }
  return bytes;
}
