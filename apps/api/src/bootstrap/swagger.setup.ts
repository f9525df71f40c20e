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

/** Serves the UI at /docs and the JSON at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
