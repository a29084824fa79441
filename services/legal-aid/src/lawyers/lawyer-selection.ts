/** A roster entry as the selection sees it. */
export interface LawyerCandidate {
  id: string;
  name: string;
  lawFirm: string;
  expertiseTags: string[];
  regionCode: string;
  capacity: number;
  currentLoad: number;
  active: boolean;
}

export interface MatterNeeds {
  /** Where the matter is (any width); its county is compared with the lawyer's area. */
  matterRegionCode: string;
  expertiseTags: string[];
}

export interface CandidateScore {
  lawyerId: string;
  name: string;
  lawFirm: string;
  regionCode: string;
  regionMatch: 'county' | 'city';
  expertiseMatched: string[];
  load: number;
  capacity: number;
  rank: number;
}

export interface Selection {
  /** Best first; empty when nobody in the county or city has capacity. */
  ranked: CandidateScore[];
  /** Roster entries left out and why (inactive, full, other area), counted. */
  excluded: { inactive: number; full: number; otherArea: number };
}

function regionMatch(lawyerRegion: string, matterRegion: string): 'county' | 'city' | undefined {
  const county = matterRegion.slice(0, 6);
  if (lawyerRegion === county) return 'county';
  if (lawyerRegion.slice(0, 4) === county.slice(0, 4)) return 'city';
  return undefined;
}

/**
 * Ranks the roster for a matter: only active lawyers below capacity in the matter's county or, failing
 * that, its city; then by expertise matched (most first), same county before same city, lowest load
 * ratio, lowest load, name. Pure; the caller claims the first candidate with a conditional update.
 */
export function rankLawyers(roster: LawyerCandidate[], needs: MatterNeeds): Selection {
  const excluded = { inactive: 0, full: 0, otherArea: 0 };
  const wanted = new Set(needs.expertiseTags);
  const scored: CandidateScore[] = [];
  for (const lawyer of roster) {
    if (!lawyer.active) {
      excluded.inactive++;
      continue;
    }
    if (lawyer.currentLoad >= lawyer.capacity) {
      excluded.full++;
      continue;
    }
    const match = regionMatch(lawyer.regionCode, needs.matterRegionCode);
    if (!match) {
      excluded.otherArea++;
      continue;
    }
    scored.push({
      lawyerId: lawyer.id,
      name: lawyer.name,
      lawFirm: lawyer.lawFirm,
      regionCode: lawyer.regionCode,
      regionMatch: match,
      expertiseMatched: lawyer.expertiseTags.filter((t) => wanted.has(t)).sort(),
      load: lawyer.currentLoad,
      capacity: lawyer.capacity,
      rank: 0,
    });
  }
  scored.sort(
    (a, b) =>
      b.expertiseMatched.length - a.expertiseMatched.length ||
      (a.regionMatch === b.regionMatch ? 0 : a.regionMatch === 'county' ? -1 : 1) ||
      a.load / a.capacity - b.load / b.capacity ||
      a.load - b.load ||
      a.name.localeCompare(b.name, 'zh') ||
      a.lawyerId.localeCompare(b.lawyerId),
  );
  scored.forEach((s, i) => (s.rank = i + 1));
  return { ranked: scored, excluded };
}

/** Why this lawyer: stored with the appointment, no personal data of the applicant. */
export function explainChoice(
  chosen: CandidateScore,
  selection: Selection,
  needs: MatterNeeds,
  choice: { manual: boolean },
): string {
  const { manual } = choice;
  const expertise =
    needs.expertiseTags.length === 0
      ? 'no particular expertise needed'
      : chosen.expertiseMatched.length > 0
        ? `expertise ${chosen.expertiseMatched.join(', ')} matches the matter (${needs.expertiseTags.join(', ')})`
        : `no candidate covers ${needs.expertiseTags.join(', ')}`;
  const area =
    chosen.regionMatch === 'county'
      ? `same county (${needs.matterRegionCode.slice(0, 6)})`
      : `same city (no suitable lawyer in county ${needs.matterRegionCode.slice(0, 6)})`;
  const how = manual ? 'chosen by the officer' : `ranked 1 of ${selection.ranked.length} candidate(s)`;
  const { inactive, full, otherArea } = selection.excluded;
  return `${chosen.name} (${chosen.lawFirm}) ${how}: ${expertise}; ${area}; load ${chosen.load}/${chosen.capacity} before appointment; excluded ${full} at capacity, ${inactive} inactive, ${otherArea} outside the county and city.`;
}
