import {
  findService,
  HANDLER_SERVICES as REGISTRY_HANDLERS,
  PLATFORM_SERVICE_NAMES,
  REGISTERED_SERVICE_NAMES,
} from '@legal/contracts';
import type { HandlerServiceName, PlatformServiceName, RegisteredServiceName } from '@legal/contracts';

/** The services of the system, as the bench starts them: the service registry's (@legal/contracts). */
export const SERVICE_NAMES: readonly RegisteredServiceName[] = REGISTERED_SERVICE_NAMES;
export type ServiceName = RegisteredServiceName;

export const PLATFORMS: readonly PlatformServiceName[] = PLATFORM_SERVICE_NAMES;
export type PlatformName = PlatformServiceName;

export const HANDLER_SERVICES = REGISTRY_HANDLERS.map((s) => s.name) as readonly HandlerServiceName[];
export type HandlerService = HandlerServiceName;

/** The service type a load of one handler's work orders asks for by default: the first its registry entry handles. */
export function defaultServiceType(handler: HandlerService): string {
  const entry = REGISTRY_HANDLERS.find((s) => s.name === handler);
  const type = entry?.handler.serviceTypes[0];
  if (!type) throw new Error(`handler service ${handler} handles no service type in the registry`);
  return type;
}

/** The schema label a service uses (its default DB_SCHEMA, from the registry). */
export function schemaLabel(service: ServiceName): string {
  const entry = findService(service);
  if (!entry) throw new Error(`${service} is not in the service registry`);
  return entry.schema;
}

/** The physical schema of a service in a bench run: `<tag>_<label>`, like isolatedOverrides() in tests. */
export function schemaOf(tag: string, service: ServiceName): string {
  return `${tag}_${schemaLabel(service)}`.slice(0, 63);
}
