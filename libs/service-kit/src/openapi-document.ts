import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { BaseEnv, loadConfig } from '@legal/config';
import { composeRootModule } from './bootstrap';
import { buildOpenApiDocument } from './openapi';
import type { ServiceDefinition } from './service-definition';

/**
 * A service's OpenAPI document as its `/docs-json` serves it, built without a server: the real root module
 * in Nest's preview mode (the module graph and its controllers' metadata, no provider instantiated), so no
 * database, broker or Redis is reached. The configuration is the service's development defaults only, so the
 * document does not depend on the environment of whoever generates it (`npm run openapi` writes
 * docs/openapi/<service>.json; `npm run lint:openapi` checks and lints them).
 */
export async function buildServiceOpenApiDocument<E extends BaseEnv>(
  definition: ServiceDefinition<E>,
): Promise<OpenAPIObject> {
  const env = loadConfig(definition.envClass, definition.defaults, { NODE_ENV: 'development' });
  const app = await NestFactory.create(composeRootModule(definition, env), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app, definition.title, definition.description);
  } finally {
    await app.close();
  }
}
