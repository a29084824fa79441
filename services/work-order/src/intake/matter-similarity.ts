/**
 * Whether two requests of one person are the same matter (同一事项): the service type alone is too
 * coarse (two unrelated legal-aid matters of one person in two counties are not one case) and too
 * blind (a walk-in that restates a hotline call in other words is). Compared on what is known of both:
 * the description's keywords (jieba words of two or more characters, minus filler), the county, and
 * how far apart they came in.
 */
export interface MatterFacts {
  serviceType: string;
  regionCode: string;
  keywords: readonly string[];
  receivedAt: Date;
}

export interface MatterComparison {
  /** 0..1: keyword overlap weighted most, then the same county, then closeness in time. */
  score: number;
  keywordOverlap: number;
  sameCounty: boolean;
  daysApart: number;
  /** Link the new intake to the existing work order. */
  sameMatter: boolean;
  /** Why, in words a clerk can check. */
  explanation: string;
}

/** Keyword overlap above which two descriptions are taken to tell the same matter, whatever the county or time. */
export const SAME_MATTER_OVERLAP = 0.5;
/** Within one county, some overlap (or a description too short to judge) is enough. */
export const SAME_COUNTY_OVERLAP = 0.2;
/** Beyond this, only descriptions that clearly agree (SAME_MATTER_OVERLAP) still link. */
export const SAME_MATTER_WINDOW_DAYS = 180;

const FILLER = new Set([
  '我们',
  '你们',
  '他们',
  '她们',
  '自己',
  '这个',
  '那个',
  '什么',
  '怎么',
  '怎么办',
  '如何',
  '请问',
  '咨询',
  '问题',
  '事情',
  '一下',
  '现在',
  '已经',
  '还是',
  '没有',
  '不是',
  '就是',
  '可以',
  '需要',
  '希望',
  '想要',
  '因为',
  '所以',
  '但是',
  '然后',
  '一个',
  '这样',
  '那么',
  '帮助',
  '帮忙',
  '谢谢',
  '同一',
  '同一件',
  '再问',
  '一次',
]);

/** The words that carry the matter: two or more characters, not punctuation or digits alone, not filler. */
export function matterKeywords(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of words) {
    const w = raw.trim().toLowerCase();
    if ([...w].length < 2 || FILLER.has(w) || !/[\p{L}]/u.test(w)) continue;
    out.add(w);
  }
  return [...out];
}

/** |A ∩ B| / min(|A|, |B|): a short restatement of a longer description still overlaps fully. */
export function keywordOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const small = a.length <= b.length ? a : b;
  const large = new Set(a.length <= b.length ? b : a);
  let shared = 0;
  for (const w of small) if (large.has(w)) shared += 1;
  return Math.round((shared / small.length) * 1000) / 1000;
}

export function compareMatters(incoming: MatterFacts, existing: MatterFacts): MatterComparison {
  const keywordOverlapValue = keywordOverlap(incoming.keywords, existing.keywords);
  const sameCounty = incoming.regionCode.slice(0, 6) === existing.regionCode.slice(0, 6);
  const daysApart = Math.abs(incoming.receivedAt.getTime() - existing.receivedAt.getTime()) / 86_400_000;
  const tooShort = Math.min(incoming.keywords.length, existing.keywords.length) < 2;
  const recent = daysApart <= SAME_MATTER_WINDOW_DAYS;
  const sameType = incoming.serviceType === existing.serviceType;
  const timeScore = recent ? 1 - daysApart / SAME_MATTER_WINDOW_DAYS : 0;
  const score = Math.round((0.6 * keywordOverlapValue + 0.25 * (sameCounty ? 1 : 0) + 0.15 * timeScore) * 1000) / 1000;
  // A one-word description overlaps 100 % with anything containing that word: it is never a strong match on its own.
  const strong = !tooShort && keywordOverlapValue >= SAME_MATTER_OVERLAP;
  const sameMatter =
    sameType && (strong || (sameCounty && recent && (keywordOverlapValue >= SAME_COUNTY_OVERLAP || tooShort)));
  const explanation = `${sameType ? 'same service type' : `service type ${incoming.serviceType} vs ${existing.serviceType}`}; keyword overlap ${keywordOverlapValue}; ${
    sameCounty ? 'same county' : `county ${incoming.regionCode.slice(0, 6)} vs ${existing.regionCode.slice(0, 6)}`
  }; ${Math.round(daysApart)} days apart`;
  return { score, keywordOverlap: keywordOverlapValue, sameCounty, daysApart, sameMatter, explanation };
}
