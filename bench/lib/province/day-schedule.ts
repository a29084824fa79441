import { RegionPicker } from '../intake/regions';
import { describe } from '../intake/descriptions';
import { IntakeRequest } from '../intake/platform-clients';
import { syntheticCitizen } from '../intake/synthetic-citizen';
import { PLATFORMS, PlatformName } from '../services';
import { ANSWERED_ON_SPOT_SHARE, FOLLOW_UP_TYPES } from './day-mix';
import { arrivalTimes, HOURLY_WEIGHTS } from './day-profile';
import { weightedPick } from './random';

export interface DayItem {
  /** Simulated seconds since midnight. */
  at: number;
  request: IntakeRequest;
}

/** The whole synthetic day, sorted by arrival: platforms, service types, townships, people. */
export function buildDay(
  volume: Record<PlatformName, number>,
  random: () => number,
  runSalt: number,
  firstN: number,
): DayItem[] {
  const regions = new RegionPicker(random);
  const items: DayItem[] = [];
  let n = firstN;
  for (const platform of PLATFORMS) {
    for (const at of arrivalTimes(volume[platform], HOURLY_WEIGHTS[platform], random)) {
      const answeredOnSpot = random() < ANSWERED_ON_SPOT_SHARE[platform];
      const serviceType = answeredOnSpot ? 'legal-consultation' : weightedPick(FOLLOW_UP_TYPES[platform], random);
      const region = regions.pick();
      items.push({
        at,
        request: {
          n,
          platform,
          serviceType,
          regionCode: region.code,
          description: describe(serviceType, n),
          citizen: syntheticCitizen(n, region.code, runSalt),
          urgency: random() < 0.08 ? 'urgent' : 'normal',
          answeredOnSpot,
        },
      });
      n += 1;
    }
  }
  return items.sort((a, b) => a.at - b.at);
}
