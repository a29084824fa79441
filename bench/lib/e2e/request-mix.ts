import { IntakeRequest } from '../intake/platform-clients';
import { describe } from '../intake/descriptions';
import { RegionPicker } from '../intake/regions';
import { syntheticCitizen } from '../intake/synthetic-citizen';
import type { PlatformName } from '../services';

export interface RequestMix {
  platforms: readonly PlatformName[];
  serviceTypes: readonly string[];
  /**
   * Share of urgent requests among the legal-aid ones. Urgent matters of the other types go only to whoever is on
   * duty at that moment (the time-slot routing rule's urgentOnDutyServiceTypes) and wait in the supervisor queue out
   * of hours, which a throughput bench run on a Saturday night would count as never dispatched.
   */
  urgentShare: number;
}

/** Request number n of a run: platforms in turn, service types in turn across them, a random township. */
export function makeRequest(n: number, mix: RequestMix, regions: RegionPicker, runSalt: number): IntakeRequest {
  const platform = mix.platforms[n % mix.platforms.length] ?? 'portal';
  const serviceType = mix.serviceTypes[Math.floor(n / mix.platforms.length) % mix.serviceTypes.length] ?? 'legal-aid';
  const region = regions.pick();
  return {
    n,
    platform,
    serviceType,
    regionCode: region.code,
    description: describe(serviceType, n),
    citizen: syntheticCitizen(n, region.code, runSalt),
    urgency: serviceType === 'legal-aid' && (n * 7919) % 100 < mix.urgentShare * 100 ? 'urgent' : 'normal',
  };
}
