import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, startApi } from '../support/api-harness';

/**
 * Issue 19, the OpenAPI contract: the document served at /docs-json names every operation uniquely
 * (`<resource>.<handler>`), states the credentials each one needs and the errors it can answer with the error
 * envelope, and carries servers, license and a definition for every tag it uses.
 */
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ENVELOPE = '#/components/schemas/ErrorEnvelope';

/**
 * `{id}` routes that never answer 404: revoking an API key is idempotent, an unknown id included
 * (DELETE /v1/api-keys/{id} answers 204).
 */
const NO_404 = ['DELETE /v1/api-keys/{id}'];

interface MediaSchema {
  $ref?: string;
  allOf?: Array<{ $ref?: string; properties?: { code?: { enum?: string[] } } }>;
}

/** The error envelope, as it is (`$ref`) or with `code` narrowed to the route's codes (`allOf`). */
const isEnvelope = (schema: MediaSchema | undefined): boolean =>
  schema?.$ref === ENVELOPE || schema?.allOf?.[0]?.$ref === ENVELOPE;
const codesOf = (schema: MediaSchema | undefined): string[] | undefined =>
  schema?.allOf?.[1]?.properties?.code?.enum;

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { description?: string; content?: Record<string, { schema?: MediaSchema }> }>;
  'x-public'?: boolean;
  parameters?: Array<{ in: string }>;
  requestBody?: unknown;
}

interface Document {
  servers?: Array<{ url: string }>;
  info: { license?: { name: string } };
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: { securitySchemes: Record<string, Record<string, unknown>> };
}

describe('OpenAPI document (/docs-json)', () => {
  let api: ApiHarness;
  let document: Document;
  let operations: Array<{ name: string; path: string; op: Operation }>;

  beforeAll(async () => {
    api = await startApi('sqlite', {
      env: { LOG_LEVEL: 'warn', DEV_ADMIN_KEY: 'false', PUBLIC_BASE_URL: 'https://faceauth.example.com' },
    });
    const res = await api.app.inject({ method: 'GET', url: '/docs-json' });
    expect(res.statusCode).toBe(200);
    document = res.json<Document>();
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const op = item[method];
        return op ? [{ name: `${method.toUpperCase()} ${path}`, path, op }] : [];
      }),
    );
  });
  afterAll(async () => {
    await api?.close();
  });

  const guarded = () => operations.filter(({ op }) => op['x-public'] !== true);
  const publicOnes = () => operations.filter(({ op }) => op['x-public'] === true);

  it('gives every operation a unique `<resource>.<handler>` operationId', () => {
    expect(operations.length).toBeGreaterThan(30);
    const bad = operations.filter(({ op }) => !/^[a-z-]+\.[a-zA-Z]+$/.test(op.operationId ?? ''));
    expect(bad.map(({ name, op }) => `${name}: ${op.operationId}`)).toEqual([]);
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(document.paths['/v1/links'].post!.operationId).toBe('links.create');
    expect(document.paths['/v1/links'].get!.operationId).toBe('links.list');
    expect(document.paths['/v1/links/{id}'].get!.operationId).toBe('links.get');
    expect(document.paths['/v1/links/{id}'].delete!.operationId).toBe('links.revoke');
    expect(document.paths['/v1/results'].get!.operationId).toBe('results.list');
  });

  it('lists 401 and 403 with the envelope on every guarded operation, which needs a key', () => {
    const codes = guarded().flatMap(({ name, op }) =>
      ['401', '403'].map((status) => [
        name,
        status,
        codesOf(op.responses[status]?.content?.['application/json']?.schema),
      ]),
    );
    expect(
      codes.filter(([, status, list]) => status === '401' && String(list) !== 'UNAUTHENTICATED'),
    ).toEqual([]);
    expect(codes.filter(([, status, list]) => status === '403' && String(list) !== 'MISSING_SCOPE')).toEqual(
      [],
    );
    const missing = guarded().flatMap(({ name, op }) =>
      ['401', '403']
        .filter((status) => !isEnvelope(op.responses[status]?.content?.['application/json']?.schema))
        .map((status) => `${name} ${status}`),
    );
    expect(missing).toEqual([]);
    const open = guarded().filter(({ op }) => !op.security || op.security.length === 0);
    expect(open.map(({ name }) => name)).toEqual([]);
    for (const { op } of guarded()) {
      expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }, { 'api-key': [] }]));
    }
  });

  it('marks public routes (health, webhooks, short links) with `security: []`', () => {
    expect(
      publicOnes()
        .map(({ name }) => name)
        .sort(),
    ).toEqual(
      [
        'GET /health',
        'GET /health/ready',
        'GET /l/{id}',
        'POST /webhooks/argos',
        'POST /webhooks/argos/{secret}',
      ].sort(),
    );
    for (const { name, op } of publicOnes()) expect([name, op.security]).toEqual([name, []]);
  });

  it('lists 404 on every `{id}` operation', () => {
    const missing = operations.filter(
      ({ name, path, op }) => /\{(id|authId)\}/.test(path) && !NO_404.includes(name) && !op.responses['404'],
    );
    expect(missing.map(({ name }) => name)).toEqual([]);
  });

  it('lists 400 on every operation with a body or a query, 409 on links.create, 429 on the short link', () => {
    const missing = operations.filter(
      ({ op }) =>
        (op.requestBody !== undefined || (op.parameters ?? []).some((p) => p.in === 'query')) &&
        !op.responses['400'],
    );
    expect(missing.map(({ name }) => name)).toEqual([]);
    expect(document.paths['/v1/links'].post!.responses['409'].description).toMatch(
      /TOKEN_TAKEN[\s\S]*IDEMPOTENCY_KEY_REUSED/,
    );
    expect(document.paths['/l/{id}'].get!.responses['429']).toBeDefined();
  });

  it('lists 503 DATABASE_UNAVAILABLE on every operation that reads or writes the database', () => {
    // Served from memory or configuration: liveness, the retention policy, the metrics registry.
    const noDatabase = ['GET /health', 'GET /v1/cleanup/policy', 'GET /metrics'];
    const missing = operations.filter(
      ({ name, op }) =>
        !noDatabase.includes(name) && !/DATABASE_UNAVAILABLE/.test(op.responses['503']?.description ?? ''),
    );
    expect(missing.map(({ name }) => name)).toEqual([]);
  });

  it('gives every error answer the error envelope, except the short link’s HTML pages', () => {
    const wrong = operations.flatMap(({ name, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .filter(([, response]) => {
          const content = response.content ?? {};
          if (/HTML page/.test(response.description ?? '')) return !content['text/html'];
          return !isEnvelope(content['application/json']?.schema);
        })
        .map(([status]) => `${name} ${status}`),
    );
    expect(wrong).toEqual([]);
  });

  it("narrows `code` to the route's own codes on every error answer, each code named in the description", () => {
    const loose: string[] = [];
    const unnamed: string[] = [];
    for (const { name, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || /HTML page/.test(response.description ?? '')) continue;
        const codes = codesOf(response.content?.['application/json']?.schema);
        if (!codes || codes.length === 0) {
          loose.push(`${name} ${status}`);
          continue;
        }
        const description = response.description ?? '';
        // Argos's outage codes are summarised ("its error code, e.g. …"); every other code is named.
        for (const code of codes) {
          if (!description.includes(code) && !(status === '503' && code.startsWith('ARGOS_'))) {
            unnamed.push(`${name} ${status} ${code}`);
          }
        }
      }
    }
    expect(loose).toEqual([]);
    expect(unnamed).toEqual([]);
    const linksCreate = document.paths['/v1/links'].post!.responses;
    expect(codesOf(linksCreate['400'].content?.['application/json']?.schema)).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'UNKNOWN_PROJECT', 'INVALID_POLICY']),
    );
    expect(codesOf(linksCreate['409'].content?.['application/json']?.schema)?.sort()).toEqual([
      'IDEMPOTENCY_KEY_REUSED',
      'TOKEN_TAKEN',
    ]);
  });

  it('describes opaque keys (no JWT claim), the server, the license and every tag used', () => {
    expect(JSON.stringify(document.components.securitySchemes)).not.toMatch(/bearerFormat/);
    expect(document.components.securitySchemes['bearer']).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    expect(document.components.securitySchemes['api-key']).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-api-key' }),
    );
    expect(document.servers?.map((s) => s.url)).toEqual(['https://faceauth.example.com']);
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      license: string;
    };
    expect(document.info.license?.name).toBe(pkg.license);
    const defined = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description]));
    const used = new Set(operations.flatMap(({ op }) => op.tags ?? []));
    expect([...used].filter((tag) => !defined.has(tag))).toEqual([]);
    expect([...defined.keys()].filter((tag) => !used.has(tag))).toEqual([]);
    expect([...defined.values()].filter((description) => !description)).toEqual([]);
    for (const { name, op } of operations) expect([name, op.tags?.length]).toEqual([name, 1]);
  });
});
