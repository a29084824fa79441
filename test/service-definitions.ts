import path from 'node:path';
import type { BaseEnv } from '@legal/config';
import { REGISTERED_SERVICE_NAMES } from '@legal/contracts';
import type { ServiceDefinition } from '@legal/service-kit';

function isDefinitionOf(name: string, value: unknown): value is ServiceDefinition<BaseEnv> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ServiceDefinition<BaseEnv>>;
  return candidate.name === name && typeof candidate.rootModule === 'function';
}

/** The definition a service exports from services/<name>/src/<name>.definition.ts. */
export function loadServiceDefinition(name: string): ServiceDefinition<BaseEnv> {
  const file = path.join(__dirname, '..', 'services', name, 'src', `${name}.definition`);
  // A registry name selects the module: the list of services is the registry's, not a list of imports here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = Object.values(require(file) as Record<string, unknown>);
  const definition = exported.find((value) => isDefinitionOf(name, value));
  if (!definition) throw new Error(`${file} exports no ServiceDefinition named ${name}`);
  return definition;
}

/**
 * Every deployable service: one per entry of the service registry (@legal/contracts), in its order.
 * test/foundation/registry-drift.spec.ts checks each definition's port and schema defaults against it.
 */
export const ALL_SERVICES: ServiceDefinition<BaseEnv>[] = REGISTERED_SERVICE_NAMES.map(loadServiceDefinition);
