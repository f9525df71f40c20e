import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document of the internal API, with both accepted credential forms. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('faceauth internal API')
    .setDescription(
      'Mint encrypted Argos FaceAuth links, read and delete results, operate webhooks and retention. ' +
        'Every route needs an internal API key with the scope it names, unless marked public.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Internal API key' }, 'bearer')
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'Internal API key' },
      'api-key',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
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
