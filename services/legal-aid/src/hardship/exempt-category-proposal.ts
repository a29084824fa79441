/**
 * Which statutory exempt category (法律援助法 第三十二条、第四十二条) a matter shows, from its description and
 * classification, for the officer to confirm: a proposal, never a decision. Pure.
 */
export interface ExemptProposal {
  /** Exempt category code (the seeded reference data of the hardship review). */
  code: string;
  /** What in the matter suggests it, e.g. "the description mentions 农民工 and 拖欠工资". */
  reason: string;
}

export interface MatterFacts {
  description: string;
  /** Classification of the matter: expertise/topic tags (labour, work-injury, family, juvenile ...). */
  tags: readonly string[];
  /** The application kind (a notified-defence notice is its own category). */
  kind?: string;
}

const WORKER = ['农民工', '进城务工', '务工人员', '打工', '工地', '包工头', '民工'];
const WAGES = ['拖欠工资', '欠薪', '讨薪', '工资', '劳动报酬', '工钱', '血汗钱'];
const INJURY = ['工伤', '受伤', '摔伤', '砸伤', '伤残', '工亡', '事故'];
const MINOR = ['未成年', '未满十八', '未满18', '儿童', '小学生', '初中生', '中学生'];
const ELDERLY = ['老年人', '老人', '七旬', '八旬', '九旬'];

function found(text: string, words: readonly string[]): string[] {
  return words.filter((w) => text.includes(w));
}

/** Ages written as "15岁" / "十五岁" are read only in digits: 1–3 digits before 岁. */
function ages(text: string): number[] {
  return [...text.matchAll(/(\d{1,3})\s*(?:周岁|岁)/g)].map((m) => Number(m[1]));
}

/** Each rule: the category and, when the matter shows it, why. Earlier rules win. */
const RULES: { code: string; test: (text: string, facts: MatterFacts) => string | undefined }[] = [
  {
    code: 'notified-defence',
    test: (_t, f) => (f.kind === 'notified-defence' ? 'the application is a notified-defence notice' : undefined),
  },
  {
    code: 'migrant-worker-wages',
    test: (t) => {
      const worker = found(t, WORKER);
      const wages = found(t, WAGES);
      return worker.length > 0 && wages.length > 0
        ? `the description mentions ${worker[0]} and ${wages[0]}`
        : undefined;
    },
  },
  {
    code: 'migrant-worker-injury',
    test: (t, f) => {
      if (t.includes('工伤')) return 'the description mentions 工伤';
      const worker = found(t, WORKER);
      const injury = found(t, INJURY);
      if (worker.length > 0 && injury.length > 0) return `the description mentions ${worker[0]} and ${injury[0]}`;
      return f.tags.includes('work-injury') ? 'the matter is classified as work injury' : undefined;
    },
  },
  {
    code: 'minor-without-fixed-income',
    test: (t, f) => {
      const minor = found(t, MINOR);
      if (minor.length > 0) return `the description mentions ${minor[0]}`;
      const young = ages(t).find((a) => a < 18);
      if (young !== undefined) return `the description gives an age of ${young}`;
      return f.tags.includes('juvenile') ? 'the matter is classified as juvenile' : undefined;
    },
  },
  { code: 'abuse-violence-victim', test: (t) => firstOf(t, ['家庭暴力', '家暴', '虐待', '遗弃']) },
  { code: 'good-samaritan', test: (t) => firstOf(t, ['见义勇为']) },
  { code: 'hero-martyr-relative', test: (t) => firstOf(t, ['烈士', '英烈']) },
  {
    code: 'acquitted-on-retrial',
    test: (t) => (t.includes('再审') && t.includes('无罪') ? 'the description mentions 再审 and 无罪' : undefined),
  },
  { code: 'subsistence-allowance', test: (t) => firstOf(t, ['低保', '最低生活保障']) },
  { code: 'extreme-poverty-support', test: (t) => firstOf(t, ['特困', '五保']) },
  { code: 'disabled-without-fixed-income', test: (t) => firstOf(t, ['残疾', '残障']) },
  {
    code: 'elderly-without-fixed-income',
    test: (t) => {
      const elderly = found(t, ELDERLY);
      if (elderly.length > 0) return `the description mentions ${elderly[0]}`;
      const old = ages(t).find((a) => a >= 60 && a < 130);
      return old !== undefined ? `the description gives an age of ${old}` : undefined;
    },
  },
];

function firstOf(text: string, words: readonly string[]): string | undefined {
  const hit = found(text, words)[0];
  return hit ? `the description mentions ${hit}` : undefined;
}

/** Every exempt category the matter shows, strongest first (the first is the proposal). */
export function exemptCategoriesShown(facts: MatterFacts): ExemptProposal[] {
  const text = facts.description.replace(/\s+/g, '');
  return RULES.flatMap((rule) => {
    const reason = rule.test(text, facts);
    return reason ? [{ code: rule.code, reason }] : [];
  });
}

/** The exempt category to propose, among the active ones, or null when the matter shows none. */
export function proposeExemptCategory(facts: MatterFacts, activeCodes: readonly string[]): ExemptProposal | null {
  return exemptCategoriesShown(facts).find((p) => activeCodes.includes(p.code)) ?? null;
}
