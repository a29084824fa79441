import { categoryLabel } from '../entrustments/appraisal-categories';

/**
 * Art. 19 of 《司法鉴定程序通则》(2016): an institution designates at least two appraisers (鉴定人) for each
 * matter, each qualified (执业) for the matter's category. Pure: checks the chosen pair and explains it.
 */
export const APPRAISERS_PER_MATTER = 2;

export interface AppraiserCandidate {
  id: string;
  name: string;
  licenceNumber: string;
  institutionCode: string;
  categories: readonly string[];
  active: boolean;
}

export type AppraiserAssignment =
  | { assigned: AppraiserCandidate[]; explanation: string }
  | { refused: 'appraiser-count' | 'same-appraiser' | 'unknown-appraiser' | 'not-qualified'; reason: string };

/** Checks `chosenIds` against the institution's appraisers for a matter of `category`. */
export function assignAppraisers(input: {
  chosenIds: readonly string[];
  institutionCode: string;
  category: string;
  candidates: readonly AppraiserCandidate[];
}): AppraiserAssignment {
  const { chosenIds, institutionCode, category, candidates } = input;
  if (chosenIds.length !== APPRAISERS_PER_MATTER) {
    return {
      refused: 'appraiser-count',
      reason: `art. 19: exactly ${APPRAISERS_PER_MATTER} appraisers are designated, got ${chosenIds.length}`,
    };
  }
  if (new Set(chosenIds).size !== chosenIds.length) {
    return { refused: 'same-appraiser', reason: 'art. 19: the two appraisers must be different persons' };
  }
  const chosen: AppraiserCandidate[] = [];
  for (const id of chosenIds) {
    const candidate = candidates.find((c) => c.id === id && c.institutionCode === institutionCode);
    if (!candidate) {
      return {
        refused: 'unknown-appraiser',
        reason: `appraiser ${id} does not practise at institution ${institutionCode}`,
      };
    }
    if (!candidate.active) {
      return {
        refused: 'not-qualified',
        reason: `${candidate.name} (${candidate.licenceNumber}) is not practising`,
      };
    }
    if (!candidate.categories.includes(category)) {
      return {
        refused: 'not-qualified',
        reason: `${candidate.name} (${candidate.licenceNumber}) is not qualified for ${categoryLabel(category)}`,
      };
    }
    chosen.push(candidate);
  }
  const names = chosen.map((c) => `${c.name} (${c.licenceNumber})`).join(' and ');
  return {
    assigned: chosen,
    explanation: `art. 19: ${names}, both practising at ${institutionCode} and qualified for ${categoryLabel(category)}`,
  };
}
