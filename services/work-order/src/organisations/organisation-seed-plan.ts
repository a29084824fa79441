import { HANDLER_SERVICES } from '@legal/contracts';
import type { SeedLevel } from '@legal/contracts';
import type { Region, RegionRegistry } from '@legal/domain';
import { DutySchedule, OFFICE_HOURS, ROUND_THE_CLOCK } from './duty-schedule';
import type { OrganisationKind } from './entities/organisation.entity';
import { KIND_PROFILES, organisationId } from './organisation-catalogue';

export interface SeedOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  level: Region['level'];
  regionCode: string;
  handler: string;
  serviceTypes: string[];
  dutyHours: DutySchedule;
  address: string;
  phone: string;
}

/** The unified public legal service number; admins replace it with an organisation's own line. */
const UNIFIED_HOTLINE = '12348';

/** Seeded kinds per level: these, plus each handler service's kind at its registry `seedLevels`. */
const NON_SERVICE_KINDS_BY_LEVEL: Record<SeedLevel, OrganisationKind[]> = {
  province: ['hotline-duty-team', 'supervision-office'],
  city: ['public-legal-service-centre'],
  county: ['public-legal-service-centre'],
  township: ['township-workstation'],
};

function kindsByLevel(): Record<SeedLevel, OrganisationKind[]> {
  const kinds: Record<SeedLevel, OrganisationKind[]> = {
    province: [...NON_SERVICE_KINDS_BY_LEVEL.province],
    city: [...NON_SERVICE_KINDS_BY_LEVEL.city],
    county: [...NON_SERVICE_KINDS_BY_LEVEL.county],
    township: [...NON_SERVICE_KINDS_BY_LEVEL.township],
  };
  for (const { handler } of HANDLER_SERVICES) {
    const kind = handler.organisation.kind as OrganisationKind;
    for (const level of handler.organisation.seedLevels) kinds[level].push(kind);
  }
  return kinds;
}

const KINDS_BY_LEVEL = kindsByLevel();

function organisation(
  registry: RegionRegistry,
  region: Region,
  kind: OrganisationKind,
  displayPrefix: string,
): SeedOrganisation {
  const profile = KIND_PROFILES[kind];
  return {
    id: organisationId(region.code, kind),
    name: `${displayPrefix}${profile.nameSuffix}`,
    kind,
    level: region.level,
    regionCode: region.code,
    handler: profile.handler,
    serviceTypes: [...profile.serviceTypes],
    dutyHours: kind === 'hotline-duty-team' ? ROUND_THE_CLOCK : OFFICE_HOURS,
    address: registry.fullName(region.code) ?? region.name,
    phone: UNIFIED_HOTLINE,
  };
}

/**
 * The organisations every deployment starts with, from the division tree: provincial duty team and
 * supervision office; per city a public legal service centre; per county (development zones included) a
 * public legal service centre; per township a workstation; and each handler service's organisation at the
 * levels its registry entry names (today: legal-aid centres at province, city and county, notary offices
 * per county, people's mediation committees per county and township). Village rooms are created on demand
 * through the admin API.
 */
export function organisationSeedPlan(registry: RegionRegistry): SeedOrganisation[] {
  const rows: SeedOrganisation[] = [];
  const province = registry.lookup(registry.provinceCode);
  if (!province) throw new Error(`province ${registry.provinceCode} missing from the division data`);
  for (const kind of KINDS_BY_LEVEL.province) rows.push(organisation(registry, province, kind, province.name));
  for (const city of registry.cities()) {
    for (const kind of KINDS_BY_LEVEL.city) rows.push(organisation(registry, city, kind, city.name));
  }
  for (const county of registry.counties({ includeDevelopmentZones: true })) {
    const city = county.parentCode ? registry.lookup(county.parentCode) : undefined;
    const prefix = city && city.level === 'city' ? `${city.name}${county.name}` : county.name;
    for (const kind of KINDS_BY_LEVEL.county) rows.push(organisation(registry, county, kind, prefix));
    for (const township of registry.children(county.code)) {
      for (const kind of KINDS_BY_LEVEL.township)
        rows.push(organisation(registry, township, kind, `${county.name}${township.name}`));
    }
  }
  return rows;
}
