import { shandongRegions } from '@legal/domain';
import type { Region } from '@legal/domain';

export interface CoordinatingLevel {
  organisationId: string;
  regionCode: string;
}

const COORDINATING_LEVELS: ReadonlySet<Region['level']> = new Set(['county', 'city', 'province']);

/** `org-{region}-centre` + 371324 → org-371324-centre. */
export function centreOf(template: string, regionCode: string): string {
  return template.replace('{region}', regionCode);
}

/**
 * Where a referral goes when the receiving organisation turns it down (or lets it lapse): the public
 * legal service centre that coordinates for the receiver's area. Townships and villages are
 * coordinated by their county centre; a county-level agency by its county centre; the county centre
 * itself by the city centre, and so on up to the province. Undefined when the receiver is the
 * province centre: nobody is above it, so it must take the matter.
 */
export function coordinatingLevel(
  toOrganisationId: string,
  toRegionCode: string,
  template: string,
): CoordinatingLevel | undefined {
  for (const region of shandongRegions().jurisdictionChain(toRegionCode)) {
    if (!COORDINATING_LEVELS.has(region.level)) continue;
    const organisationId = centreOf(template, region.code);
    if (organisationId !== toOrganisationId) return { organisationId, regionCode: region.code };
  }
  return undefined;
}

/** The region in an id of the form `org-<region>-<kind>` (the router's convention), if any. */
export function regionOfOrganisationId(organisationId: string): string | undefined {
  const match = /^org-(\d{6}|\d{9}|\d{12})-[a-z-]+$/.exec(organisationId);
  return match?.[1];
}
