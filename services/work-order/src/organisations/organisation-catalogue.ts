import type { Handler, ServiceType } from '@legal/contracts';
import type { OrganisationKind } from './entities/organisation.entity';

/** What each kind of organisation does by default (admins can change any organisation afterwards). */
export interface KindProfile {
  handler: Handler;
  serviceTypes: ServiceType[];
  /** Suffix of the generated id (`org-<region>-<suffix>`) and of the Chinese name. */
  idSuffix: string;
  nameSuffix: string;
}

export const KIND_PROFILES: Record<OrganisationKind, KindProfile> = {
  'hotline-duty-team': { handler: 'hotline', serviceTypes: ['legal-consultation', 'complaint'], idSuffix: 'hotline', nameSuffix: '12348公共法律服务热线值班中心' },
  'supervision-office': { handler: 'supervision', serviceTypes: ['complaint'], idSuffix: 'supervision', nameSuffix: '司法厅公共法律服务监督处' },
  'legal-aid-centre': { handler: 'legal-aid', serviceTypes: ['legal-aid', 'duty-lawyer', 'notified-defence'], idSuffix: 'legal-aid', nameSuffix: '法律援助中心' },
  'notary-office': { handler: 'notarization', serviceTypes: ['notarization'], idSuffix: 'notary', nameSuffix: '公证处' },
  'public-legal-service-centre': {
    handler: 'external-agency',
    serviceTypes: ['legal-consultation', 'complaint', 'lawyer-referral', 'judicial-appraisal', 'arbitration', 'grassroots-legal-service', 'village-legal-adviser'],
    idSuffix: 'centre',
    nameSuffix: '公共法律服务中心',
  },
  'mediation-committee': { handler: 'mediation', serviceTypes: ['mediation'], idSuffix: 'mediation', nameSuffix: '人民调解委员会' },
  'township-workstation': {
    handler: 'external-agency',
    serviceTypes: ['legal-consultation', 'grassroots-legal-service', 'village-legal-adviser'],
    idSuffix: 'station',
    nameSuffix: '公共法律服务工作站',
  },
  'village-legal-service-room': { handler: 'external-agency', serviceTypes: ['legal-consultation', 'village-legal-adviser'], idSuffix: 'room', nameSuffix: '公共法律服务室' },
  'external-agency': { handler: 'external-agency', serviceTypes: [], idSuffix: 'agency', nameSuffix: '' },
};

export function organisationId(regionCode: string, kind: OrganisationKind): string {
  return `org-${regionCode}-${KIND_PROFILES[kind].idSuffix}`;
}
