import { Answer } from './answer-check';
import { FuzzRequest } from './fuzz-request';
import { cursorOf, deepJson } from './hostile-values';

/** One of the requests issue 17 names, with what the answer must be beyond the general rules. */
export interface CraftedCase {
  name: string;
  request(adminKey: string): FuzzRequest;
  expect(answer: Answer): void;
}

const LIST_ROUTES = [
  '/v1/links',
  '/v1/results',
  '/v1/webhooks/inbox',
  '/v1/cleanup/runs',
  '/v1/cleanup/audit',
];

const CURSORS: Record<string, string> = {
  '{"c":1e300}': cursorOf({ c: 1e300 }),
  '{"c":1e300,"i":"x"}': cursorOf({ c: 1e300, i: 'x' }),
  'c = 2^63': cursorOf({ c: 2 ** 63, i: 'x' }),
  'c = -2^63': cursorOf({ c: -(2 ** 63), i: 'x' }),
  'NUL in i': cursorOf({ c: 1, i: 'a\u0000b' }),
};

const get = (url: string) => (key: string) =>
  new FuzzRequest('GET', url, { authorization: `Bearer ${key}` }, undefined, true);

const postJson = (url: string, payload: string) => (key: string) =>
  new FuzzRequest(
    'POST',
    url,
    { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    payload,
    true,
  );

const body = (answer: Answer): { code?: string; message?: string } =>
  JSON.parse(answer.body) as { code?: string; message?: string };

const badRequest = (code?: string, field?: string) => (answer: Answer) => {
  expect(answer.statusCode).toBe(400);
  if (code) expect(body(answer).code).toBe(code);
  if (field) expect(body(answer).message).toContain(field);
};

const refusedWithoutEcho = (echo: string) => (answer: Answer) => {
  expect(answer.statusCode).toBeGreaterThanOrEqual(400);
  expect(answer.statusCode).toBeLessThan(500);
  expect(answer.body).not.toContain(echo);
};

function multipart(fields: Record<string, string>): { contentType: string; payload: Buffer } {
  const boundary = 'craftedboundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="faceImage"; filename="f.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

const LONG_ID = 'a'.repeat(120);
/** Longer than any id (the router's maxParamLength): refused before routing. */
const OVERLONG_ID = 'b'.repeat(300);

export const CRAFTED_CASES: CraftedCase[] = [
  ...LIST_ROUTES.flatMap((route) =>
    Object.entries(CURSORS).map(([label, cursor]) => ({
      name: `GET ${route} with cursor ${label}`,
      request: get(`${route}?cursor=${cursor}`),
      expect: badRequest('INVALID_CURSOR'),
    })),
  ),
  ...[
    ['/v1/links', 'sid'],
    ['/v1/links', 'authUserId'],
    ['/v1/results', 'submissionId'],
    ['/v1/results', 'authUserId'],
  ].map(([route, field]) => ({
    name: `GET ${route} with a NUL in the ${field} filter`,
    request: get(`${route}?${field}=a%00b`),
    expect: badRequest(undefined, field),
  })),
  ...['sid', 'authUserId', 'authCf1'].map((field) => ({
    name: `POST /v1/links with a NUL in ${field}`,
    request: postJson('/v1/links', JSON.stringify({ sid: 'sub_nul', [field]: 'a\u0000b' })),
    expect: badRequest(undefined, field),
  })),
  ...['/v1/links', '/v1/api-keys', '/v1/cleanup/run'].flatMap((route) =>
    (['object', 'array'] as const).map((style) => ({
      name: `POST ${route} with a 3,000-deep JSON ${style}`,
      request: postJson(route, deepJson(3000, style)),
      expect: badRequest(),
    })),
  ),
  {
    name: 'POST /v1/faceauth with project=nope',
    request: (key) => {
      const form = multipart({ submissionId: 'sub_nope', project: 'nope' });
      return new FuzzRequest(
        'POST',
        '/v1/faceauth',
        { authorization: `Bearer ${key}`, 'content-type': form.contentType },
        form.payload,
        true,
      );
    },
    expect: badRequest('UNKNOWN_PROJECT'),
  },
  ...['/v1/links/{}', '/v1/results/{}', '/v1/results/{}/legal-hold', '/l/{}'].map((route) => ({
    name: `GET ${route} with a 120-character path parameter`,
    request: get(route.replace('{}', LONG_ID)),
    expect: refusedWithoutEcho(LONG_ID),
  })),
  ...['/v1/links/{}', '/l/{}'].map((route) => ({
    name: `GET ${route} with a 300-character path parameter`,
    request: get(route.replace('{}', OVERLONG_ID)),
    expect: refusedWithoutEcho(OVERLONG_ID),
  })),
  ...['/v1/links/%zz', '/v1/results/%E0%A4%A', '/l/%', '/v1/results/%ED%A0%80'].map((url) => ({
    name: `GET ${url} (bad percent-encoding)`,
    request: get(url),
    expect: refusedWithoutEcho(url),
  })),
  // Found by this suite (PostgreSQL answered 500, SQLite stored the value): the webhook's token id.
  ...(
    [
      ['a NUL in Token_id', 'sub\u0000abc', badRequest()],
      ['a lone surrogate in Token_id', 'sub\uD800abc', badRequest()],
      ['a 200-character Token_id', 'x'.repeat(200), () => undefined],
    ] as const
  ).map(([label, tokenId, expectation]) => ({
    name: `POST /webhooks/argos with ${label}`,
    request: () =>
      new FuzzRequest(
        'POST',
        '/webhooks/argos',
        { 'content-type': 'application/json' },
        JSON.stringify({
          webhook_trigger: 'faceAuth',
          data: { Authentication_id: '00000000-0000-1000-8000-000000000000', Token_id: tokenId },
        }),
        true,
      ),
    expect: expectation,
  })),
  // The query parser keeps an undecodable sequence as text: a filter value like any other, never echoed.
  ...['/v1/links?sid=%zz', '/v1/results?authUserId=%E0%A4%A'].map((url) => ({
    name: `GET ${url} (bad percent-encoding in the query)`,
    request: get(url),
    expect: (answer: Answer) => expect(answer.body).not.toContain(url),
  })),
];
