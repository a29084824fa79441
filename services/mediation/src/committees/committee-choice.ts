import type { CommitteeLevel } from './entities/committee.entity';

export interface CommitteeCandidate {
  id: string;
  regionCode: string;
  level: CommitteeLevel;
  name: string;
  active: boolean;
  activeMediators: number;
}

export interface CommitteeChoice {
  committee: CommitteeCandidate | undefined;
  /** Why this committee (or why none): recorded on the case. */
  reason: string;
}

/** The divisions whose committee may take a dispute, nearest first: village → township → county. */
export function committeeRegionChain(regionCode: string): string[] {
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(regionCode))
    throw new RangeError(`not a 6-, 9- or 12-digit division code: ${regionCode}`);
  return [12, 9, 6].filter((width) => width <= regionCode.length).map((width) => regionCode.slice(0, width));
}

const LEVEL_LABEL: Record<number, string> = { 12: 'village', 9: 'township', 6: 'county' };

/**
 * The committee of the dispute's village; failing that (no committee, inactive, or no active
 * mediator), the township's; failing that, the county's. Each skipped step is named in the reason.
 */
export function chooseCommittee(regionCode: string, candidates: readonly CommitteeCandidate[]): CommitteeChoice {
  const byRegion = new Map(candidates.map((c) => [c.regionCode, c]));
  const skipped: string[] = [];
  for (const code of committeeRegionChain(regionCode)) {
    const label = LEVEL_LABEL[code.length];
    const committee = byRegion.get(code);
    if (!committee) {
      skipped.push(`the ${label} ${code} has no committee`);
      continue;
    }
    if (!committee.active) {
      skipped.push(`${committee.name} (${code}) is inactive`);
      continue;
    }
    if (committee.activeMediators === 0) {
      skipped.push(`${committee.name} (${code}) has no active mediator`);
      continue;
    }
    const own = code === regionCode;
    const reason = own
      ? `${committee.name} is the committee of the dispute's own ${label} ${code}`
      : `fallback to the ${label} committee ${committee.name} (${code}): ${skipped.join('; ')}`;
    return { committee, reason };
  }
  return { committee: undefined, reason: `no committee can take a dispute from ${regionCode}: ${skipped.join('; ')}` };
}
