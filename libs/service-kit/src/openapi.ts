import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, type ResponseObject, type SchemaObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, PROBLEM_DETAILS_SCHEMA } from '@legal/http';

export function buildOpenApiDocument(app: INestApplication, title: string, description: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(description)
    .setVersion('1.0')
    .addServer('/', 'The service that serves this document (each service is its own origin)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  return completeOpenApiDocument(SwaggerModule.createDocument(app, config));
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/**
 * What every service's document has without each route saying it: the tags its operations use are declared,
 * and every 4xx/5xx response that documents no body answers the ProblemDetails schema under
 * application/problem+json (ProblemDetailsFilter sends every error that way). Checked by `npm run lint:openapi`.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const used = new Set<string>();
  let problems = false;
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      for (const tag of operation.tags ?? []) used.add(tag);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^[45]/.test(status) || response === undefined || '$ref' in response) continue;
        const answer = response as ResponseObject;
        if (answer.content && Object.keys(answer.content).length > 0) continue;
        answer.content = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
        problems = true;
      }
    }
  }
  const declared = new Set((document.tags ?? []).map((t) => t.name));
  const missing = [...used].filter((name) => !declared.has(name)).sort();
  if (missing.length > 0) document.tags = [...(document.tags ?? []), ...missing.map((name) => ({ name }))];
  if (problems) {
    document.components ??= {};
    document.components.schemas ??= {};
    document.components.schemas.ProblemDetails ??= PROBLEM_DETAILS_SCHEMA as unknown as SchemaObject;
  }
  return document;
}

/** `GET /docs` (Swagger UI) and `GET /docs-json` (the OpenAPI 3 document). */
export function mountOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
