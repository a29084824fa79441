import { DISPUTE_CATEGORIES, DisputeCategory } from './entities/dispute-keyword.entity';

export interface KeywordRule {
  category: DisputeCategory;
  keyword: string;
  weight: number;
}

export interface DisputeClassification {
  /** undefined when no keyword of the table occurs in the text. */
  category: DisputeCategory | undefined;
  /** The keywords that decided the category (those of the winning category found in the text). */
  matchedKeywords: string[];
  /** Score per category that matched at all. */
  scores: Partial<Record<DisputeCategory, number>>;
}

/**
 * Classifies a dispute from free text with the keyword table: every keyword found adds its weight to
 * its category, the highest score wins; a tie goes to the category whose strongest matching keyword
 * weighs more, then to the order of DISPUTE_CATEGORIES (so the answer never depends on row order).
 */
export function classifyDispute(text: string, rules: readonly KeywordRule[]): DisputeClassification {
  const haystack = text.normalize('NFKC').toLowerCase();
  const scores: Partial<Record<DisputeCategory, number>> = {};
  const strongest: Partial<Record<DisputeCategory, number>> = {};
  const matched: Partial<Record<DisputeCategory, string[]>> = {};
  for (const rule of rules) {
    const keyword = rule.keyword.normalize('NFKC').toLowerCase().trim();
    if (keyword === '' || !haystack.includes(keyword)) continue;
    scores[rule.category] = (scores[rule.category] ?? 0) + rule.weight;
    strongest[rule.category] = Math.max(strongest[rule.category] ?? 0, rule.weight);
    (matched[rule.category] ??= []).push(rule.keyword);
  }
  let best: DisputeCategory | undefined;
  for (const category of DISPUTE_CATEGORIES) {
    const score = scores[category];
    if (score === undefined) continue;
    if (best === undefined) {
      best = category;
      continue;
    }
    const bestScore = scores[best] ?? 0;
    if (score > bestScore || (score === bestScore && (strongest[category] ?? 0) > (strongest[best] ?? 0)))
      best = category;
  }
  return { category: best, matchedKeywords: best ? [...(matched[best] ?? [])].sort() : [], scores };
}
