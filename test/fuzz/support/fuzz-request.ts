import fc from 'fast-check';
import { FuzzOperation, OperationParameter, SchemaNode } from './openapi-operations';
import {
  anyJson,
  badPercentEncoding,
  deepJsonText,
  encodeComponent,
  hostileString,
  rawBytes,
} from './hostile-values';
import { asText, FuzzMode, FuzzVocabulary, plausibleString, valueFor } from './schema-arbitrary';

/** One generated HTTP request; prints compactly in a fast-check counterexample. */
export class FuzzRequest {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: Record<string, string>,
    readonly payload: string | Buffer | undefined,
    /** Whether it carries the admin key (requests to secured routes without it must get 401). */
    readonly authenticated: boolean,
    /** The client address: spread over 127.0.0.0/24 so the short link's per-address limit rarely trips. */
    readonly remoteAddress = '127.0.0.1',
  ) {}

  [fc.toStringMethod](): string {
    const body =
      this.payload === undefined
        ? ''
        : ` body(${this.payload.length})=${JSON.stringify(Buffer.from(this.payload).toString('latin1').slice(0, 600))}`;
    return `${this.method} ${this.url} headers=${JSON.stringify(this.headers)}${body}`;
  }
}

export interface Credentials {
  adminKey: string;
}

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 1),
]);
/** Over ARGOS_MAX_IMAGE_BYTES as the fuzz target configures it (4096). */
const OVERSIZED_JPEG = Buffer.concat([JPEG, Buffer.alloc(6000, 9)]);

/**
 * Requests for `operation`: authenticated ones, two thirds hostile and one third well-formed (so handlers
 * and statements run, not only validation), plus a share of credential-less ones on secured routes.
 */
export function requestFor(
  operation: FuzzOperation,
  vocabulary: FuzzVocabulary,
  credentials: Credentials,
): fc.Arbitrary<FuzzRequest> {
  const authenticated = fc.oneof(
    { weight: 2, arbitrary: authenticatedRequest(operation, vocabulary, credentials, 'hostile') },
    { weight: 1, arbitrary: authenticatedRequest(operation, vocabulary, credentials, 'well-formed') },
  );
  if (!operation.secured) return authenticated;
  return fc.oneof(
    { weight: 9, arbitrary: authenticated },
    { weight: 1, arbitrary: unauthenticated(operation) },
  );
}

function authenticatedRequest(
  operation: FuzzOperation,
  vocabulary: FuzzVocabulary,
  credentials: Credentials,
  mode: FuzzMode,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      urlFor(operation, vocabulary, mode),
      headerParamsFor(operation, mode),
      bodyFor(operation, vocabulary, mode),
      fc.constantFrom<Record<string, string>>(
        { authorization: `Bearer ${credentials.adminKey}` },
        { 'x-api-key': credentials.adminKey },
      ),
      fc.integer({ min: 1, max: 254 }),
    )
    .map(
      ([url, headerParams, body, auth, host]) =>
        new FuzzRequest(
          operation.method,
          url,
          { ...headerParams, ...body.headers, ...(operation.secured ? auth : {}) },
          body.payload,
          true,
          `127.0.0.${host}`,
        ),
    );
}

/** Well-formed requests with missing or wrong credentials: nothing but 401 is right. */
export function unauthenticated(operation: FuzzOperation): fc.Arbitrary<FuzzRequest> {
  const url = operation.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
  return fc
    .constantFrom<Record<string, string>>(
      {},
      { authorization: 'Bearer wrong-key-000000000000000000000' },
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
      { authorization: 'Bearer ' },
      { authorization: `Bearer ${'k'.repeat(600)}` },
      { 'x-api-key': 'wrong-key-000000000000000000000' },
      { 'x-api-key': '' },
    )
    .map((headers) => new FuzzRequest(operation.method, url, headers, undefined, false));
}

function urlFor(operation: FuzzOperation, vocabulary: FuzzVocabulary, mode: FuzzMode): fc.Arbitrary<string> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const pathValues = fc.tuple(
    ...pathParams.map(() =>
      mode === 'hostile' ? pathValue(vocabulary) : plausibleString(vocabulary).map(encodeComponent),
    ),
  );
  const queryParts = fc.tuple(...queryParams.map((p) => queryPart(p, vocabulary, mode)));
  const strayQuery =
    mode === 'well-formed'
      ? fc.constant(null)
      : fc.option(
          fc.oneof(
            fc
              .tuple(fc.string({ maxLength: 8 }), hostileString)
              .map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`),
            badPercentEncoding.map((bad) => `x=${bad}`),
            fc.constant('__proto__[admin]=1'),
          ),
          { freq: 5 },
        );
  return fc.tuple(pathValues, queryParts, strayQuery).map(([values, parts, stray]) => {
    let path = operation.path;
    pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, values[i])));
    const query = [...parts.flat(), ...(stray ? [stray] : [])];
    return query.length > 0 ? `${path}?${query.join('&')}` : path;
  });
}

/** An already-encoded path segment: plausible ids, hostile text, 120+ characters, bad percent-encoding. */
function pathValue(vocabulary: FuzzVocabulary): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: plausibleString(vocabulary).map(encodeComponent) },
    { weight: 3, arbitrary: hostileString.map(encodeComponent) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 120, maxLength: 300 }).map(encodeComponent),
    },
    { weight: 1, arbitrary: badPercentEncoding },
  );
}

/** `name=value` pairs for one query parameter: absent, once, repeated, or badly encoded. */
function queryPart(
  parameter: OperationParameter,
  vocabulary: FuzzVocabulary,
  mode: FuzzMode,
): fc.Arbitrary<string[]> {
  const key = encodeComponent(parameter.name);
  const valid = valueFor(parameter.schema, vocabulary, mode, parameter.name).map((v) =>
    encodeComponent(asText(v)),
  );
  if (mode === 'well-formed') {
    const once = valid.map((v): string[] => [`${key}=${v}`]);
    return parameter.required ? once : fc.oneof(fc.constant<string[]>([]), once);
  }
  const one = fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: badPercentEncoding });
  const present = fc.oneof(
    { weight: 8, arbitrary: one.map((v): string[] => [`${key}=${v}`]) },
    {
      weight: 1,
      arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => `${key}=${v}`)),
    },
    { weight: 1, arbitrary: fc.constant<string[]>([key]) },
  );
  if (parameter.required) return present;
  return fc.oneof({ weight: 1, arbitrary: fc.constant<string[]>([]) }, { weight: 2, arbitrary: present });
}

function headerParamsFor(operation: FuzzOperation, mode: FuzzMode): fc.Arbitrary<Record<string, string>> {
  const headers = operation.parameters.filter((p) => p.in === 'header');
  const token = fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/);
  const value =
    mode === 'well-formed'
      ? token
      : fc.oneof(
          fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/),
          fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
          fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 2000 }),
        );
  return fc
    .record(Object.fromEntries(headers.map((h) => [h.name.toLowerCase(), value])), { requiredKeys: [] })
    .map((record) =>
      Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => e[1] !== undefined)),
    );
}

interface GeneratedBody {
  headers: Record<string, string>;
  payload: string | Buffer | undefined;
}

const json = (payload: string): GeneratedBody => ({
  headers: { 'content-type': 'application/json' },
  payload,
});

function bodyFor(
  operation: FuzzOperation,
  vocabulary: FuzzVocabulary,
  mode: FuzzMode,
): fc.Arbitrary<GeneratedBody> {
  switch (operation.body.kind) {
    case 'json': {
      const value = valueFor(operation.body.schema, vocabulary, mode);
      return mode === 'hostile' ? jsonBody(value) : value.map((v) => json(JSON.stringify(v)));
    }
    case 'multipart':
      return multipartBody(operation.body.schema, vocabulary, mode);
    case 'none': {
      const undocumented = UNDOCUMENTED_BODIES[operation.name];
      if (undocumented) {
        const value = undocumented(vocabulary, mode);
        return mode === 'hostile' ? jsonBody(value) : value.map((v) => json(JSON.stringify(v)));
      }
      if (operation.method === 'GET' || mode === 'well-formed')
        return fc.constant({ headers: {}, payload: undefined });
      // A body nobody asked for must not matter either.
      return fc.oneof(
        { weight: 3, arbitrary: fc.constant({ headers: {}, payload: undefined }) },
        { weight: 1, arbitrary: jsonBody(anyJson) },
      );
    }
  }
}

/** A JSON body: the schema's value, or text that is not JSON, too deep, wrongly labelled, or not UTF-8. */
function jsonBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<GeneratedBody> {
  return fc.oneof(
    { weight: 12, arbitrary: value.map((v) => json(JSON.stringify(v) ?? 'null')) },
    { weight: 1, arbitrary: deepJsonText.map(json) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '{"a":', 'nul', '\u0000', '{"sid":"a"}}', '', ' ').map(json),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<GeneratedBody>(
        { headers: { 'content-type': 'text/plain' }, payload: '{"sid":"a"}' },
        { headers: { 'content-type': 'application/json; charset=latin1' }, payload: '{"sid":"a"}' },
        {
          headers: { 'content-type': 'application/json' },
          payload: Buffer.from([0x7b, 0x22, 0x73, 0xff, 0xfe, 0x22, 0x7d]),
        },
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sid=a&sid=b' },
      ),
    },
  );
}

interface Part {
  name: string;
  value: Buffer;
  file?: { filename: string; type: string };
}

/** A multipart form from the schema: fields fuzzed, the file part varied, sometimes malformed. */
function multipartBody(
  schema: SchemaNode,
  vocabulary: FuzzVocabulary,
  mode: FuzzMode,
): fc.Arbitrary<GeneratedBody> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const parts = properties.map(([name, child]) => {
    const part =
      child.format === 'binary'
        ? filePart(name, mode)
        : valueFor(child, vocabulary, mode, name).map((v): Part[] => [{ name, value: rawBytes(asText(v)) }]);
    if (mode === 'well-formed') return required.has(name) ? part : fc.option(part, { nil: [] as Part[] });
    return required.has(name)
      ? fc.oneof({ weight: 9, arbitrary: part }, { weight: 1, arbitrary: fc.constant([]) })
      : fc.option(part, { nil: [] as Part[] });
  });
  const stray = fc.option(
    fc.tuple(hostileString, hostileString).map(([name, value]): Part[] => [{ name, value: rawBytes(value) }]),
    { nil: [] as Part[], freq: 5 },
  );
  const shapes =
    mode === 'hostile'
      ? ['well-formed', 'well-formed', 'well-formed', 'truncated', 'no-boundary']
      : ['well-formed'];
  return fc
    .tuple(
      fc.tuple(...parts),
      mode === 'hostile' ? stray : fc.constant([] as Part[]),
      fc.constantFrom(...shapes),
    )
    .map(([fields, extra, shape]) => encodeMultipart([...fields.flat(), ...extra], shape));
}

function filePart(name: string, mode: FuzzMode): fc.Arbitrary<Part[]> {
  if (mode === 'well-formed') {
    return fc.constantFrom<Part[]>(
      [{ name, value: JPEG, file: { filename: 'face.jpg', type: 'image/jpeg' } }],
      [{ name, value: PNG, file: { filename: 'face.png', type: 'image/png' } }],
    );
  }
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constant<Part[]>([
        { name, value: JPEG, file: { filename: 'face.jpg', type: 'image/jpeg' } },
      ]),
    },
    {
      weight: 1,
      arbitrary: fc.constant<Part[]>([
        { name, value: PNG, file: { filename: 'face.png', type: 'image/png' } },
      ]),
    },
    {
      weight: 1,
      arbitrary: fc.constant<Part[]>([
        { name, value: OVERSIZED_JPEG, file: { filename: 'big.jpg', type: 'image/jpeg' } },
      ]),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.uint8Array({ maxLength: 300 }),
          fc.constantFrom('image/jpeg', 'image/png', 'text/plain', ''),
          hostileString,
        )
        .map(([bytes, type, filename]): Part[] => [
          { name, value: Buffer.from(bytes), file: { filename: filename.replace(/["\r\n]/g, ''), type } },
        ]),
    },
    // The file twice.
    {
      weight: 1,
      arbitrary: fc.constant<Part[]>(
        [0, 1].map(() => ({ name, value: JPEG, file: { filename: 'a.jpg', type: 'image/jpeg' } })),
      ),
    },
  );
}

function encodeMultipart(parts: Part[], shape: string): GeneratedBody {
  const boundary = 'fuzzboundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const name = rawBytes(part.name.replace(/["\r\n]/g, '')).toString('latin1');
    const disposition = part.file
      ? `form-data; name="${name}"; filename="${rawBytes(part.file.filename).toString('latin1')}"\r\nContent-Type: ${part.file.type}`
      : `form-data; name="${name}"`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`, 'latin1'),
      part.value,
      Buffer.from('\r\n'),
    );
  }
  // "truncated": the last part never gets its closing boundary (the process-killing upload).
  if (shape !== 'truncated') chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const payload = Buffer.concat(shape === 'truncated' ? chunks.slice(0, -1) : chunks);
  const contentType =
    shape === 'no-boundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`;
  return { headers: { 'content-type': contentType }, payload };
}

/**
 * Bodies the OpenAPI document does not describe (the webhook receiver takes the vendor's payload, whose
 * three versions are documented by Argos, not by us): built from those shapes with fuzzed members.
 */
const UNDOCUMENTED_BODIES: Record<
  string,
  (vocabulary: FuzzVocabulary, mode: FuzzMode) => fc.Arbitrary<unknown>
> = {
  'POST /webhooks/argos': webhookPayload,
  'POST /webhooks/argos/{secret}': webhookPayload,
};

function webhookPayload(vocabulary: FuzzVocabulary, mode: FuzzMode): fc.Arbitrary<unknown> {
  const wellFormed = mode === 'well-formed';
  const text = wellFormed
    ? plausibleString(vocabulary)
    : fc.oneof(
        { weight: 3, arbitrary: plausibleString(vocabulary) },
        { weight: 2, arbitrary: hostileString },
        { weight: 1, arbitrary: anyJson },
      );
  const status = wellFormed
    ? fc.constantFrom('approved', 'rejected', 'pending')
    : fc.oneof(fc.constantFrom('approved', 'rejected', 'pending'), hostileString);
  if (wellFormed) {
    return fc.record({
      webhook_trigger: fc.constant('faceAuth'),
      data: fc.record(
        {
          Submission_id: text,
          Auth_Status: status,
          Create_Time: text,
          Authentication_id: text,
          Token_id: text,
          Auth_User_id: text,
        },
        { requiredKeys: ['Submission_id', 'Auth_Status', 'Authentication_id'] },
      ),
    });
  }
  return fc.oneof(
    fc.record(
      {
        webhook_trigger: fc.oneof(
          { weight: 4, arbitrary: fc.constant('faceAuth') },
          { weight: 1, arbitrary: text },
        ),
        data: fc.record(
          {
            Submission_id: text,
            Auth_Status: status,
            Create_Time: text,
            Authentication_id: text,
            Token_id: text,
            Auth_User_id: text,
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['webhook_trigger'] },
    ),
    fc.record(
      {
        webhook_trigger: fc.constant('faceAuth'),
        auth_id: text,
        data: fc.record(
          { submission_id: text, auth_status: status, create_time: text, user_id: text },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
    anyJson,
  );
}
