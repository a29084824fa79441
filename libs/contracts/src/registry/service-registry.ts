import type { ServiceType } from '../schemas/common.schema';

/**
 * The one list of the system's services. Everything that names services, ports, schemas or handlers
 * reads this list or is generated from it (`npm run registry:write` writes `deploy/services.json` and
 * `deploy/observability/prometheus.yml`); `test/foundation/registry-drift.spec.ts` fails when a copy that
 * cannot import TypeScript (compose, shell scripts, `.env.example`) disagrees with it.
 *
 * Adding a handler service is one entry here (kind `handler`, with its `handler` profile) plus its
 * `services/<name>/` folder: see docs/DEVELOPING.md, "Adding a handler".
 *
 * No runtime imports: every lib (contracts, domain, messaging, platform-kit) may read it without cycles.
 */

/**
 * platform: an intake platform (hotline, portal, centre); core: work-order; handler: handles work orders;
 * oversight: reads the lifecycle stream for indicators and reports, handles nothing.
 */
export type ServiceKind = 'platform' | 'core' | 'identity' | 'handler' | 'oversight';

/** Levels of the division tree at which work-order seeds one organisation of a handler's kind. */
export type SeedLevel = 'province' | 'city' | 'county' | 'township';

/** What a handler service is to the rest of the system. */
export interface HandlerProfile {
  /** The `handler` value on the wire (work orders, dispatches, reports): the service name, never renamed. */
  readonly code: string;
  /** How citizens call the handling body, in Chinese (e.g. 法律援助). */
  readonly displayNameZh: string;
  /** The service-catalogue types it handles in depth (each type has at most one handler service). */
  readonly serviceTypes: readonly ServiceType[];
  /** The organisations that handle its work orders: kind, seeded id/name suffixes, seeded levels. */
  readonly organisation: {
    readonly kind: string;
    /** `org-<region>-<idSuffix>` */
    readonly idSuffix: string;
    /** Appended to the region's name for the seeded organisation's name. */
    readonly nameSuffix: string;
    readonly seedLevels: readonly SeedLevel[];
  };
  /** The staff role that works its cases (one of @legal/auth's ROLES). */
  readonly staffRole: string;
  /** The development staff account identity creates for it. */
  readonly devStaff: { readonly username: string; readonly displayName: string };
  /** Name of its `service-handler` routing rule (`handler.<code>`). */
  readonly routingRuleName: string;
}

export interface ServiceRegistryEntry {
  /** Service folder, Kafka principal, compose service, consumer-group prefix. */
  readonly name: string;
  readonly kind: ServiceKind;
  /** Default HTTP port. */
  readonly port: number;
  /** Default PostgreSQL schema. */
  readonly schema: string;
  readonly handler?: HandlerProfile;
}

export const SERVICE_REGISTRY = [
  { name: 'work-order', kind: 'core', port: 3000, schema: 'work_order' },
  { name: 'hotline', kind: 'platform', port: 3001, schema: 'hotline' },
  { name: 'portal', kind: 'platform', port: 3002, schema: 'portal' },
  { name: 'centre', kind: 'platform', port: 3003, schema: 'centre' },
  {
    name: 'legal-aid',
    kind: 'handler',
    port: 3004,
    schema: 'legal_aid',
    handler: {
      code: 'legal-aid',
      displayNameZh: '法律援助',
      serviceTypes: ['legal-aid', 'duty-lawyer', 'notified-defence'],
      organisation: {
        kind: 'legal-aid-centre',
        idSuffix: 'legal-aid',
        nameSuffix: '法律援助中心',
        seedLevels: ['province', 'city', 'county'],
      },
      staffRole: 'legal-aid-officer',
      devStaff: { username: 'dev-legal-aid', displayName: '开发 法援专员' },
      routingRuleName: 'Legal aid, duty-lawyer help and notified defence go to legal-aid centres',
    },
  },
  {
    name: 'mediation',
    kind: 'handler',
    port: 3005,
    schema: 'mediation',
    handler: {
      code: 'mediation',
      displayNameZh: '人民调解',
      serviceTypes: ['mediation'],
      organisation: {
        kind: 'mediation-committee',
        idSuffix: 'mediation',
        nameSuffix: '人民调解委员会',
        seedLevels: ['county', 'township'],
      },
      staffRole: 'mediator',
      devStaff: { username: 'dev-mediator', displayName: '开发 调解员' },
      routingRuleName: "Mediation goes to people's mediation committees",
    },
  },
  {
    name: 'notarization',
    kind: 'handler',
    port: 3006,
    schema: 'notarization',
    handler: {
      code: 'notarization',
      displayNameZh: '公证',
      serviceTypes: ['notarization'],
      organisation: { kind: 'notary-office', idSuffix: 'notary', nameSuffix: '公证处', seedLevels: ['county'] },
      staffRole: 'notary',
      devStaff: { username: 'dev-notary', displayName: '开发 公证员' },
      routingRuleName: 'Notarization goes to notary offices',
    },
  },
  { name: 'identity', kind: 'identity', port: 3007, schema: 'identity' },
  {
    name: 'judicial-appraisal',
    kind: 'handler',
    port: 3008,
    schema: 'judicial_appraisal',
    handler: {
      code: 'judicial-appraisal',
      displayNameZh: '司法鉴定',
      serviceTypes: ['judicial-appraisal'],
      organisation: {
        kind: 'appraisal-institution',
        idSuffix: 'appraisal',
        nameSuffix: '司法鉴定中心',
        seedLevels: ['city'],
      },
      staffRole: 'appraiser',
      devStaff: { username: 'dev-appraiser', displayName: '开发 鉴定人' },
      routingRuleName: 'Judicial appraisal goes to judicial appraisal institutions',
    },
  },
  { name: 'oversight', kind: 'oversight', port: 3009, schema: 'oversight' },
] as const satisfies readonly ServiceRegistryEntry[];

type Entry = (typeof SERVICE_REGISTRY)[number];
type HandlerEntry = Extract<Entry, { kind: 'handler' }>;

/** A registered service's name. */
export type RegisteredServiceName = Entry['name'];
/** A handler service's name. */
export type HandlerServiceName = HandlerEntry['name'];
/** An intake platform's name. */
export type PlatformServiceName = Extract<Entry, { kind: 'platform' }>['name'];
/** The wire code of a handler service (a subset of `Handler`: the rest are not services). */
export type HandlerServiceCode = HandlerEntry['handler']['code'];
/** The organisation kind of a handler service. */
export type HandlerOrganisationKind = HandlerEntry['handler']['organisation']['kind'];

const ENTRIES: readonly ServiceRegistryEntry[] = SERVICE_REGISTRY;

/** Every service name, in registry order. */
export const REGISTERED_SERVICE_NAMES: readonly RegisteredServiceName[] = SERVICE_REGISTRY.map((s) => s.name);

/** A registry entry of kind `handler`, with its profile. */
export type HandlerServiceEntry = ServiceRegistryEntry & { readonly handler: HandlerProfile };

/** The handler services, in registry order. */
export const HANDLER_SERVICES: readonly HandlerServiceEntry[] = ENTRIES.filter(
  (s): s is HandlerServiceEntry => s.kind === 'handler' && s.handler !== undefined,
);

/** Names of the handler services (the producers of handler reports, the consumers of dispatches). */
export const HANDLER_SERVICE_NAMES = HANDLER_SERVICES.map((s) => s.name) as readonly HandlerServiceName[];

/** Wire codes of the handler services. */
export const HANDLER_SERVICE_CODES = HANDLER_SERVICES.map((s) => s.handler.code) as readonly HandlerServiceCode[];

/** Names of the intake platforms. */
export const PLATFORM_SERVICE_NAMES = ENTRIES.filter((s) => s.kind === 'platform').map(
  (s) => s.name,
) as readonly PlatformServiceName[];

export function findService(name: string): ServiceRegistryEntry | undefined {
  return ENTRIES.find((s) => s.name === name);
}

export function isRegisteredService(name: string): name is RegisteredServiceName {
  return findService(name) !== undefined;
}

/** The handler service handling a catalogue type in depth, if any (else it goes to a non-service handler). */
export function handlerServiceFor(serviceType: string): HandlerServiceEntry | undefined {
  return HANDLER_SERVICES.find((s) => (s.handler.serviceTypes as readonly string[]).includes(serviceType));
}

/** The handler service with this wire code, if it is one. */
export function handlerServiceByCode(code: string): HandlerServiceEntry | undefined {
  return HANDLER_SERVICES.find((s) => s.handler.code === code);
}

/** `deploy/services.json`: what shell scripts and other non-TypeScript tools read. */
export interface ServiceManifestRow {
  name: string;
  kind: ServiceKind;
  port: number;
  schema: string;
  handler: string | null;
}

export function serviceManifest(): ServiceManifestRow[] {
  return ENTRIES.map((s) => ({
    name: s.name,
    kind: s.kind,
    port: s.port,
    schema: s.schema,
    handler: s.handler?.code ?? null,
  }));
}
