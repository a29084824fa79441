/** The services of the system, as the bench starts them. Keep in step with services/<name>/src/<name>.definition.ts. */
export const SERVICE_NAMES = ['work-order', 'hotline', 'portal', 'centre', 'legal-aid', 'mediation', 'notarization', 'identity'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const PLATFORMS = ['hotline', 'portal', 'centre'] as const;
export type PlatformName = (typeof PLATFORMS)[number];

export const HANDLER_SERVICES = ['legal-aid', 'mediation', 'notarization'] as const;
export type HandlerService = (typeof HANDLER_SERVICES)[number];

/** The schema label a service uses (its default DB_SCHEMA). */
export function schemaLabel(service: ServiceName): string {
  return service.replace(/-/g, '_');
}

/** The physical schema of a service in a bench run: `<tag>_<label>`, like isolatedOverrides() in tests. */
export function schemaOf(tag: string, service: ServiceName): string {
  return `${tag}_${schemaLabel(service)}`.slice(0, 63);
}
