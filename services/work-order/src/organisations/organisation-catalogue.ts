import { HANDLER_SERVICES, handlerServiceFor } from '@legal/contracts';
import type { Handler, HandlerOrganisationKind, ServiceType } from '@legal/contracts';
import type { NON_SERVICE_ORGANISATION_KINDS, OrganisationKind } from './entities/organisation.entity';

type NonServiceOrganisationKind = (typeof NON_SERVICE_ORGANISATION_KINDS)[number];

/** What each kind of organisation does by default (admins can change any organisation afterwards). */
export interface KindProfile {
  handler: Handler;
  serviceTypes: ServiceType[];
  /** Suffix of the generated id (`org-<region>-<suffix>`) and of the Chinese name. */
  idSuffix: string;
  nameSuffix: string;
}

/** Organisations that are not a handler service's: the duty team, supervision, centres and agencies. */
const NON_SERVICE_PROFILES: Record<NonServiceOrganisationKind, KindProfile> = {
  'hotline-duty-team': {
    handler: 'hotline',
    serviceTypes: ['legal-consultation', 'complaint'],
    idSuffix: 'hotline',
    nameSuffix: '12348公共法律服务热线值班中心',
  },
  'supervision-office': {
    handler: 'supervision',
    serviceTypes: ['complaint'],
    idSuffix: 'supervision',
    nameSuffix: '司法厅公共法律服务监督处',
  },
  'public-legal-service-centre': {
    handler: 'external-agency',
    serviceTypes: [
      'legal-consultation',
      'complaint',
      'lawyer-referral',
      'judicial-appraisal',
      'arbitration',
      'grassroots-legal-service',
      'village-legal-adviser',
    ],
    idSuffix: 'centre',
    nameSuffix: '公共法律服务中心',
  },
  'township-workstation': {
    handler: 'external-agency',
    serviceTypes: ['legal-consultation', 'grassroots-legal-service', 'village-legal-adviser'],
    idSuffix: 'station',
    nameSuffix: '公共法律服务工作站',
  },
  'village-legal-service-room': {
    handler: 'external-agency',
    serviceTypes: ['legal-consultation', 'village-legal-adviser'],
    idSuffix: 'room',
    nameSuffix: '公共法律服务室',
  },
  'external-agency': { handler: 'external-agency', serviceTypes: [], idSuffix: 'agency', nameSuffix: '' },
};

/** A handler service's organisations, from the service registry (its `handler.organisation`). */
function handlerProfiles(): Record<HandlerOrganisationKind, KindProfile> {
  const entries = HANDLER_SERVICES.map(({ handler }): [HandlerOrganisationKind, KindProfile] => [
    handler.organisation.kind as HandlerOrganisationKind,
    {
      handler: handler.code as Handler,
      serviceTypes: [...handler.serviceTypes],
      idSuffix: handler.organisation.idSuffix,
      nameSuffix: handler.organisation.nameSuffix,
    },
  ]);
  return Object.fromEntries(entries) as Record<HandlerOrganisationKind, KindProfile>;
}

/**
 * A service type a handler service claims (registry `serviceTypes`) goes to that service's organisations only:
 * centres and agencies keep the types no handler service takes (judicial appraisal once had none).
 */
function withoutHandlerServiceTypes(profiles: Record<NonServiceOrganisationKind, KindProfile>): typeof profiles {
  const entries = Object.entries(profiles).map(([kind, profile]) => [
    kind,
    { ...profile, serviceTypes: profile.serviceTypes.filter((t) => handlerServiceFor(t) === undefined) },
  ]);
  return Object.fromEntries(entries) as typeof profiles;
}

export const KIND_PROFILES: Record<OrganisationKind, KindProfile> = {
  ...withoutHandlerServiceTypes(NON_SERVICE_PROFILES),
  ...handlerProfiles(),
};

export function organisationId(regionCode: string, kind: OrganisationKind): string {
  return `org-${regionCode}-${KIND_PROFILES[kind].idSuffix}`;
}
