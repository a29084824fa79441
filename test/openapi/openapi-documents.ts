import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REGISTERED_SERVICE_NAMES } from '@legal/contracts';
import { buildServiceOpenApiDocument } from '@legal/service-kit';
import { loadServiceDefinition } from '../service-definitions';

/** docs/openapi/: one committed OpenAPI document per registered service (what a typed-client generator reads). */
export const OPENAPI_DIR = path.join(__dirname, '..', '..', 'docs', 'openapi');

export function committedOpenApiPath(service: string): string {
  return path.join(OPENAPI_DIR, `${service}.json`);
}

/** The document of one service exactly as it is committed (2-space JSON, trailing newline). */
export async function renderOpenApiDocument(service: string): Promise<string> {
  const document = await buildServiceOpenApiDocument(loadServiceDefinition(service));
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Every service of the registry (@legal/contracts), so a service added there is generated and linted too. */
export function openApiServices(): readonly string[] {
  return REGISTERED_SERVICE_NAMES;
}

/** The services whose committed document differs from the one generated from the code (or is missing). */
export async function driftedOpenApiDocuments(): Promise<string[]> {
  const drifted: string[] = [];
  for (const service of openApiServices()) {
    let committed: string | undefined;
    try {
      committed = readFileSync(committedOpenApiPath(service), 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== (await renderOpenApiDocument(service))) drifted.push(service);
  }
  return drifted;
}
