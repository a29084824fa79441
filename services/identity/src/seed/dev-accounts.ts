import type { Role } from '@legal/auth';
import { HANDLER_SERVICES } from '@legal/contracts';
import type { SeedLevel } from '@legal/contracts';
import type { PartnerClientCreateDto } from '../partners/dto/partner-client-create.dto';

/** The password of every development staff account (documented in services/identity/README.md). */
export const DEV_STAFF_PASSWORD = 'Dev-Only-Password-2025';

export interface DevStaffAccount {
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: string;
  regionCode: string;
}

/** Where the handler services' development staff work (Jinan, Lixia district). */
const DEV_HANDLER_REGION = '370102';

/** The seeded organisation over the dev region at the handler's level: the county's, else the city's (appraisal). */
function devRegionFor(seedLevels: readonly SeedLevel[]): string {
  if (seedLevels.includes('county')) return DEV_HANDLER_REGION;
  if (seedLevels.includes('city')) return `${DEV_HANDLER_REGION.slice(0, 4)}00`;
  return `${DEV_HANDLER_REGION.slice(0, 2)}0000`;
}

/** One staff member per role (one per handler service of the registry), so a newcomer can sign in as any of them. */
export const DEV_STAFF: readonly DevStaffAccount[] = [
  {
    username: 'dev-hotline',
    displayName: '开发 热线坐席',
    roles: ['hotline-agent'],
    organisationId: 'org-370000-hotline-12348',
    regionCode: '370000',
  },
  {
    username: 'dev-clerk',
    displayName: '开发 中心窗口',
    roles: ['centre-clerk'],
    organisationId: 'org-370102-centre',
    regionCode: '370102',
  },
  ...HANDLER_SERVICES.map(({ handler }): DevStaffAccount => ({
    username: handler.devStaff.username,
    displayName: handler.devStaff.displayName,
    roles: [handler.staffRole as Role],
    organisationId: `org-${devRegionFor(handler.organisation.seedLevels)}-${handler.organisation.idSuffix}`,
    regionCode: devRegionFor(handler.organisation.seedLevels),
  })),
  {
    username: 'dev-supervisor',
    displayName: '开发 督导',
    roles: ['supervisor'],
    organisationId: 'org-370100-justice-bureau',
    regionCode: '370100',
  },
  {
    username: 'dev-admin',
    displayName: '开发 管理员',
    roles: ['admin'],
    organisationId: 'org-370000-justice-department',
    regionCode: '370000',
  },
];

export const DEV_PARTNER_SECRET = 'dev-partner-secret-change-me';

export const DEV_PARTNER: PartnerClientCreateDto = {
  clientId: 'dev-partner-court',
  name: '开发 合作法院',
  organisationId: 'org-370100-court',
  regionCode: '370100',
  agreement: {
    purpose: 'Development partner: follows the status of work orders it referred',
    topics: [{ topic: 'legal.workorder.changed', fields: ['workOrderId', 'caseCode', 'status'] }],
  },
};
