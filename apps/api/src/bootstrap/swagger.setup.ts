import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_CODES, errorEnvelopeSchema } from '@faceauth/admin-api';

/** The package's license (package.json `license`; the contract test checks they agree). */
export const OPENAPI_LICENSE = 'UNLICENSED';

/** Every tag an operation may carry, with its description (the contract test checks none is missing). */
export const OPENAPI_TAGS: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'links', description: 'Mint, list, read and revoke FaceAuth links; the public short link' },
  { name: 'results', description: 'Submit, read and delete FaceAuth results; legal holds; erasure per user' },
  {
    name: 'webhooks',
    description: "Argos's webhook (public, with its own secret) and the inbox of received notifications",
  },
  {
    name: 'notification-endpoints',
    description: 'Signed outbound webhooks (Standard Webhooks): endpoints, secrets, deliveries',
  },
  {
    name: 'cleanup',
    description: 'Retention: run the cleanup, its runs, overdue results, audit trail, policy',
  },
  { name: 'api-keys', description: 'Internal API keys (admin scope)' },
  { name: 'operations', description: 'Prometheus metrics' },
  { name: 'health', description: 'Liveness and readiness probes (public)' },
];

/**
 * `<controller>.<method>`: the controller's class name without `Controller`, in kebab case (`LinksController`
 * → `links`; the webhook's per-mount subclass `MountedArgosWebhookController` → `argos-webhook`), then the
 * handler's name. Unique because a controller's handlers are; stable because both names are in the code.
 */
export function operationIdFor(controllerKey: string, methodKey: string): string {
  const resource = controllerKey
    .replace(/^Mounted/, '')
    .replace(/Controller$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
  return `${resource}.${methodKey}`;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;
const ERROR_ENVELOPE_REF = '#/components/schemas/ErrorEnvelope';

/** The OpenAPI document of the internal API, with both accepted credential forms. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('faceauth internal API')
    .setDescription(
      'Mint encrypted Argos FaceAuth links, read and delete results, operate webhooks and retention. ' +
        'Every route needs an internal API key with the scope it names, unless marked public.',
    )
    .setVersion('1')
    // Internal keys are opaque random strings, not JWTs: no `bearerFormat` (addBearerAuth would claim JWT).
    .addSecurity('bearer', {
      type: 'http',
      scheme: 'bearer',
      description: 'Internal API key, as `Authorization: Bearer <key>`',
    })
    .addSecurity('api-key', {
      type: 'apiKey',
      in: 'header',
      name: 'x-api-key',
      description: 'Internal API key, as `x-api-key: <key>`',
    });
  const serverUrl = publicBaseUrlOf(app);
  if (serverUrl) builder.addServer(serverUrl, 'This service (PUBLIC_BASE_URL)');
  for (const tag of OPENAPI_TAGS) builder.addTag(tag.name, tag.description);
  const config = builder.build();
  // OpenAPI 3.0 has no SPDX identifier, and UNLICENSED has no URL: the name alone.
  config.info.license = { name: OPENAPI_LICENSE };
  delete (config.info as { contact?: unknown }).contact;
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => operationIdFor(controllerKey, methodKey),
  });
  return completeOperations(document);
}

/**
 * What decorators cannot say per route: public routes (`x-public`, from `@Public()` or the webhook's mount)
 * need no credential (`security: []`); every error answer of this service carries the error envelope as JSON
 * (the global error filter writes it), except where a route documents its own body (the short link's pages).
 */
function completeOperations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const extensions = operation as unknown as Record<string, unknown>;
      if (extensions['x-public'] === true) operation.security = [];
      // A lib below the admin API names its error codes per status; they narrow the envelope here.
      const codes = extensions['x-error-codes'] as Record<string, string[]> | undefined;
      delete extensions['x-error-codes'];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400 || !response || !('description' in response)) continue;
        const named = codes?.[status];
        if (named) {
          const unknown = named.filter((code) => !ERROR_CODES.includes(code));
          if (unknown.length > 0) throw new Error(`x-error-codes: unknown codes ${unknown.join(', ')}`);
          response.content = { 'application/json': { schema: errorEnvelopeSchema(named) } };
          continue;
        }
        const content = response.content ?? {};
        const envelope = Object.values(content).some(
          (media) => media.schema && '$ref' in media.schema && media.schema.$ref === ERROR_ENVELOPE_REF,
        );
        // An envelope documented under the route's success media type (`image/*`, `text/plain`) is JSON.
        if (envelope || Object.keys(content).length === 0) {
          response.content = { 'application/json': { schema: { $ref: ERROR_ENVELOPE_REF } } };
        }
      }
    }
  }
  return document;
}

function publicBaseUrlOf(app: INestApplication): string | undefined {
  try {
    return app.get(ConfigService, { strict: false }).get<string>('http.publicBaseUrl') ?? undefined;
  } catch {
    return undefined; // a host without the service's configuration
  }
}

/** Where the UI and its assets (`/docs`, `/docs/…`) and the JSON (`/docs-json`) are served. */
export const DOCS_PATH = '/docs';

/** Whether a route pattern is one of Swagger's (the UI, its assets, the document). */
export const isDocsRoute = (route: string): boolean =>
  route === DOCS_PATH || route.startsWith(`${DOCS_PATH}/`) || route.startsWith(`${DOCS_PATH}-`);

/** Serves the UI at /docs and the JSON at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH.slice(1), app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${DOCS_PATH.slice(1)}-json`,
  });
}
