import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERROR_CODES } from '@faceauth/admin-api';
import { ApiHarness, startApi } from '../support/api-harness';

/**
 * Issue 19: `ErrorEnvelope.code` is a closed list. ERROR_CODES (libs/admin-api/src/errors/error-code.ts) is built
 * from the constants the code throws; this suite scans the sources for any code thrown some other way (a string
 * literal in `new DomainError('…')`, a `DomainError<'…'>` subclass, an error-code enum) and fails when one is
 * missing from the list, and checks that the document's codes are the list and that the codes the framework
 * answers with are the ones documented.
 */
const root = join(__dirname, '../..');
const ADMIN = 'openapi-error-codes-admin-secret-0123456789abcdef';

/** Where the API's errors come from: every library but the Argos emulator and its test face, the module, the API. */
const SOURCE_DIRS = ['libs', 'src', 'apps/api/src'];
const NOT_THE_API = [/^libs\/argos-sandbox\//, /^libs\/testing\//];

/**
 * Error-code enums whose members never reach the envelope, with the reason. A code of such an enum that the
 * filter does pass on is in ERROR_CODES anyway (EncryptionConfigErrorCode.UNKNOWN_PROJECT).
 */
const NOT_ANSWERED_ENUMS: Readonly<Record<string, string>> = {
  EncryptionConfigErrorCode: 'configuration checked at boot; only UNKNOWN_PROJECT reaches a caller (400)',
  ArgosConfigErrorCode: 'configuration of the Argos client, checked at boot',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(spec|e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}

/** Every error code a source file throws or declares, with where. */
function codesInSources(): Array<{ code: string; where: string }> {
  const found: Array<{ code: string; where: string }> = [];
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(join(root, dir)))) {
    const where = relative(root, file);
    if (NOT_THE_API.some((pattern) => pattern.test(where))) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/new DomainError(?:<[^>]*>)?\(\s*'([A-Za-z0-9_.-]+)'/g)) {
      found.push({ code: match[1], where });
    }
    for (const match of text.matchAll(/extends DomainError<'([A-Za-z0-9_.-]+)'>/g)) {
      found.push({ code: match[1], where });
    }
    for (const match of text.matchAll(/export enum (\w*ErrorCode) \{([^}]*)\}/g)) {
      if (NOT_ANSWERED_ENUMS[match[1]]) continue;
      for (const member of match[2].matchAll(/=\s*'([^']+)'/g)) found.push({ code: member[1], where });
    }
  }
  return found;
}

describe('error codes (ErrorEnvelope.code)', () => {
  let api: ApiHarness;
  let document: {
    paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
    components: { schemas: Record<string, { enum?: string[] }> };
  };
  interface ResponseObject {
    content?: Record<string, { schema?: { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } }>;
  }

  beforeAll(async () => {
    api = await startApi('sqlite', {
      env: { LOG_LEVEL: 'warn', DEV_ADMIN_KEY: 'false', INTERNAL_API_KEYS: `codes|admin|${ADMIN}` },
    });
    const res = await api.app.inject({ method: 'GET', url: '/docs-json' });
    document = res.json();
  });
  afterAll(async () => {
    await api?.close();
  });

  const documentedCodes = (path: string, method: string, status: number): string[] =>
    document.paths[path][method].responses[String(status)]?.content?.['application/json']?.schema?.allOf?.[1]
      ?.properties?.code?.enum ?? [];

  it('lists every code the sources throw or declare', () => {
    const found = codesInSources();
    expect(found.length).toBeGreaterThan(50);
    const missing = found.filter(({ code }) => !ERROR_CODES.includes(code));
    expect(missing.map(({ code, where }) => `${code} (${where})`)).toEqual([]);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('documents the list as the ErrorCode enum, and every route code is one of it', () => {
    expect(document.components.schemas['ErrorCode'].enum).toEqual([...ERROR_CODES]);
    const unknown = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) =>
        Object.keys(op.responses ?? {}).flatMap((status) =>
          documentedCodes(path, method, Number(status))
            .filter((code) => !ERROR_CODES.includes(code))
            .map((code) => `${method.toUpperCase()} ${path} ${status} ${code}`),
        ),
      ),
    );
    expect(unknown).toEqual([]);
  });

  it('answers framework refusals with the codes the route documents', async () => {
    const headers = { 'x-api-key': ADMIN };
    const cases = [
      {
        path: '/v1/links',
        method: 'post',
        request: {
          url: '/v1/links',
          headers: { ...headers, 'content-type': 'application/json' },
          payload: '{"sid":',
        },
      },
      {
        path: '/v1/links',
        method: 'post',
        request: { url: '/v1/links', headers: { ...headers, 'content-type': 'text/plain' }, payload: 'sid' },
      },
      {
        path: '/v1/links',
        method: 'post',
        request: {
          url: '/v1/links',
          headers: { ...headers, 'content-type': 'application/xml' },
          payload: '<a/>',
        },
      },
      {
        path: '/v1/notification-endpoints',
        method: 'post',
        request: {
          url: '/v1/notification-endpoints',
          headers: { ...headers, 'content-type': 'application/json' },
          payload: JSON.stringify({ url: 'https://hooks.example.com/x', description: 'x'.repeat(2_000_000) }),
        },
      },
      {
        path: '/v1/faceauth',
        method: 'post',
        request: {
          url: '/v1/faceauth',
          headers: { ...headers, 'content-type': 'application/json' },
          payload: '{}',
        },
      },
      {
        path: '/v1/faceauth',
        method: 'post',
        request: {
          url: '/v1/faceauth',
          headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' },
          payload: '--x\r\nContent-Disposition: form-data; name="submissionId"\r\n\r\nsub',
        },
      },
      {
        path: '/v1/api-keys',
        method: 'post',
        request: { url: '/v1/api-keys', headers, payload: { name: 'x', scopes: [] } },
      },
      { path: '/v1/links', method: 'post', request: { url: '/v1/links', headers, payload: { sid: '' } } },
      { path: '/v1/links/{id}', method: 'get', request: { url: '/v1/links/not-a-uuid', headers } },
      { path: '/v1/links/{id}', method: 'delete', request: { url: '/v1/links/not-a-uuid', headers } },
      { path: '/v1/links', method: 'get', request: { url: '/v1/links?cursor=nope', headers } },
      { path: '/v1/links', method: 'get', request: { url: '/v1/links', headers: {} } },
      {
        path: '/v1/notification-endpoints/{id}',
        method: 'get',
        request: { url: '/v1/notification-endpoints/00000000-0000-4000-8000-000000000000', headers },
      },
      {
        path: '/webhooks/argos',
        method: 'post',
        request: { url: '/webhooks/argos', headers: { 'content-type': 'application/json' }, payload: '{' },
      },
      {
        path: '/webhooks/argos',
        method: 'post',
        request: { url: '/webhooks/argos', headers: { 'content-type': 'application/json' }, payload: '{}' },
      },
    ];
    const outcomes: string[] = [];
    for (const { path, method, request } of cases) {
      const res = await api.app.inject({ method: method.toUpperCase() as 'GET', ...request });
      const { code } = res.json<{ code: string }>();
      const documented = documentedCodes(path, method, res.statusCode);
      outcomes.push(
        `${method.toUpperCase()} ${request.url} ${res.statusCode} ${code}` +
          (documented.includes(code) ? '' : ` not in [${documented.join(', ')}]`),
      );
    }
    expect(outcomes.filter((line) => / not in \[/.test(line))).toEqual([]);
    // Each refusal above is a different one: malformed JSON, a body that is not JSON, an unsupported type, …
    expect(outcomes.map((line) => line.split(' ').slice(2, 4).join(' '))).toEqual(
      expect.arrayContaining([
        '400 BAD_REQUEST',
        '413 PAYLOAD_TOO_LARGE',
        '415 UNSUPPORTED_MEDIA_TYPE',
        '400 INVALID_CURSOR',
        '400 WEBHOOK_MALFORMED_PAYLOAD',
      ]),
    );
  });
});
