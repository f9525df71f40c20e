import { ApiHarness, startApi } from '../support/api-harness';

/**
 * Issue 19: the request examples of the OpenAPI document are requests the API accepts ("Try it out" works).
 * For every operation with a request body, the body Swagger UI would prefill is built from the document (each
 * schema's `example`, `$ref`s resolved, `allOf` merged, every property included, as Swagger UI does), sent with
 * an admin key and with path parameters naming resources created here, and must get the operation's documented
 * success status. A value Swagger UI would have to invent (no example, enum or default) fails the test too: it
 * would be a placeholder such as "string", or a random match of a pattern.
 */
const ADMIN = 'openapi-examples-admin-secret-0123456789abcdef';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Operations whose example cannot be sent this way, each with the reason. Keep it short. */
const EXCLUDED: Readonly<Record<string, string>> = {
  // A multipart upload of a selfie that the service forwards to Argos: needs an image file and Argos state
  // (an approved submission); test/results covers it against the Argos sandbox.
  'POST /v1/faceauth': 'multipart image upload to Argos',
};

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  default?: unknown;
  enum?: unknown[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  minimum?: number;
  nullable?: boolean;
}

interface Operation {
  parameters?: Array<{ in: string; name: string; required?: boolean }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
}

interface Document {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: { schemas: Record<string, Schema> };
}

/** The example body Swagger UI builds from a schema; `guessed` collects the values it would have to invent. */
function exampleOf(schema: Schema, document: Document, path: string, guessed: string[]): unknown {
  if (schema.$ref) return exampleOf(resolve(schema.$ref, document), document, path, guessed);
  if (schema.example !== undefined) return schema.example;
  if (schema.allOf) {
    const merged: Schema = { ...schema, allOf: undefined, properties: { ...schema.properties } };
    for (const part of schema.allOf.map((p) => (p.$ref ? resolve(p.$ref, document) : p))) {
      Object.assign(merged.properties!, part.properties ?? {});
      merged.type ??= part.type;
      if (part.example !== undefined && merged.example === undefined) merged.example = part.example;
    }
    return exampleOf(merged, document, path, guessed);
  }
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.type === 'object' || schema.properties) {
    const body: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      body[name] = exampleOf(property, document, `${path}.${name}`, guessed);
    }
    if (typeof schema.additionalProperties === 'object') {
      body['additionalProp1'] = exampleOf(schema.additionalProperties, document, `${path}.*`, guessed);
    }
    return body;
  }
  if (schema.type === 'array') {
    return [exampleOf(schema.items ?? {}, document, `${path}[]`, guessed)];
  }
  guessed.push(path);
  switch (schema.type) {
    case 'boolean':
      return true;
    case 'number':
    case 'integer':
      return schema.minimum ?? 0;
    default:
      return 'string';
  }
}

function resolve(ref: string, document: Document): Schema {
  const name = ref.replace('#/components/schemas/', '');
  const schema = document.components.schemas[name];
  if (!schema) throw new Error(`unresolvable $ref ${ref}`);
  return schema;
}

describe('OpenAPI request examples are accepted by the API', () => {
  let api: ApiHarness;
  let document: Document;

  beforeAll(async () => {
    api = await startApi('sqlite', {
      env: {
        LOG_LEVEL: 'warn',
        DEV_ADMIN_KEY: 'false',
        INTERNAL_API_KEYS: `examples|admin|${ADMIN}`,
        RECONCILE_ENABLED: 'false',
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        CLEANUP_ENABLED: 'false',
      },
    });
    const res = await api.app.inject({ method: 'GET', url: '/docs-json' });
    expect(res.statusCode).toBe(200);
    document = res.json<Document>();
  });
  afterAll(async () => {
    await api?.close();
  });

  const send = async (method: string, url: string, payload?: unknown) => {
    const res = await api.app.inject({
      method: method.toUpperCase() as 'GET',
      url,
      headers: { 'x-api-key': ADMIN, 'content-type': 'application/json' },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });
    return { status: res.statusCode, body: res.body };
  };

  /** A real resource for each path parameter an operation with a body names. */
  const resolvers: Record<string, (path: string) => Promise<string>> = {
    '/v1/notification-endpoints/{id}': async () => {
      const created = await send('post', '/v1/notification-endpoints', {
        url: 'https://hooks.example.com/openapi-examples',
      });
      expect(created.status).toBe(201);
      return `/v1/notification-endpoints/${(JSON.parse(created.body) as { id: string }).id}`;
    },
  };

  const withBodies = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const op = item[method];
        return op?.requestBody ? [{ name: `${method.toUpperCase()} ${path}`, method, path, op }] : [];
      }),
    );

  it('covers every operation with a request body, but for a short list of exclusions', () => {
    const names = withBodies().map(({ name }) => name);
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(EXCLUDED).filter((name) => !names.includes(name))).toEqual([]);
    expect(Object.keys(EXCLUDED).length).toBeLessThanOrEqual(2);
  });

  it('gives every request body field an example (nothing left for Swagger UI to invent)', () => {
    const guessed = withBodies()
      .filter(({ name }) => !EXCLUDED[name])
      .flatMap(({ name, op }) => {
        const found: string[] = [];
        for (const media of Object.values(op.requestBody!.content)) {
          exampleOf(media.schema, document, name, found);
        }
        return found;
      });
    expect(guessed).toEqual([]);
  });

  it("answers each operation's example body with the documented success status", async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const { name, method, path, op } of withBodies()) {
      if (EXCLUDED[name]) continue;
      const media = op.requestBody!.content['application/json'];
      if (!media) throw new Error(`${name}: a request body that is not JSON must be excluded, with a reason`);
      const body = exampleOf(media.schema, document, name, []);
      let url = path;
      if (/\{[^}]+\}/.test(path)) {
        const resolver = resolvers[path];
        if (!resolver) throw new Error(`${name}: no resource to name in ${path}; add a resolver`);
        url = await resolver(path);
      }
      const success = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
      expect([name, success.length]).toEqual([name, 1]);
      const res = await send(method, url, body);
      expected.push(`${name} ${success[0]}`);
      outcomes.push(
        `${name} ${res.status}${String(res.status) === success[0] ? '' : ` ${JSON.stringify(body)} → ${res.body}`}`,
      );
    }
    expect(outcomes).toEqual(expected);
  });
});
