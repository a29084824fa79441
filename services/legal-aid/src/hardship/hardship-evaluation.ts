import type { FieldError } from '@legal/http';
import { fenToYuan, toFen } from './money';

export const HARDSHIP_RESULTS = ['exempt', 'eligible', 'ineligible'] as const;
export type HardshipResult = (typeof HARDSHIP_RESULTS)[number];

export const PROVINCE_REGION_CODE = '370000';

/** What the officer entered. */
export interface HardshipInputs {
  householdSize: number | null;
  householdMonthlyIncome: number | null;
  exemptCategoryCode: string | null;
  integrityCommitment: boolean;
  matterTags: string[];
  notes: string | null;
}

export interface CategorySnapshot {
  code: string;
  labelZh: string;
  labelEn: string;
  legalBasis: string;
}

export interface ThresholdSnapshot {
  regionCode: string;
  level: string;
  monthlyIncomePerCapita: number;
  basis: string;
  updatedAt: string;
  /** Which level of the chain answered: county, city or province. */
  source: 'county' | 'city' | 'province';
  /** The region codes looked up, nearest first. */
  chain: string[];
}

export interface OverrideSnapshot {
  result: HardshipResult;
  reason: string;
  by: string;
  at: string;
  previousResult: HardshipResult;
}

/** The exempt category the matter shows, proposed to the officer (法律援助法 第四十二条), with why. */
export interface ProposalSnapshot extends CategorySnapshot {
  reason: string;
}

/** Frozen record of everything the result rests on. */
export interface ReviewSnapshot {
  inputs: HardshipInputs;
  matterRegionCode: string;
  exemption: CategorySnapshot | null;
  /** When no category was given: the one the matter shows, for the officer to confirm (absent in older reviews). */
  proposedExemption?: ProposalSnapshot | null;
  threshold: ThresholdSnapshot | null;
  monthlyIncomePerCapita: number | null;
  rule: string;
  computedResult: HardshipResult;
  explanation: string;
  evaluatedAt: string;
  overrides: OverrideSnapshot[];
}

export interface ThresholdRow {
  regionCode: string;
  level: string;
  monthlyIncomePerCapita: number;
  basis: string;
  updatedAt: Date;
}

/**
 * The codes to try for a matter's threshold, nearest first: its county, its city, the province.
 * 371324101 → [371324, 371300, 370000]; 371300 → [371300, 370000].
 */
export function thresholdChain(matterRegionCode: string): string[] {
  const county = matterRegionCode.slice(0, 6);
  const city = `${county.slice(0, 4)}00`;
  return [...new Set([county, city, PROVINCE_REGION_CODE])].filter((code) => /^\d{6}$/.test(code));
}

export function pickThreshold(chain: string[], rows: ThresholdRow[]): ThresholdSnapshot | undefined {
  for (const code of chain) {
    const row = rows.find((r) => r.regionCode === code);
    if (!row) continue;
    const source = code === PROVINCE_REGION_CODE ? 'province' : code.endsWith('00') ? 'city' : 'county';
    return {
      regionCode: row.regionCode,
      level: row.level,
      monthlyIncomePerCapita: row.monthlyIncomePerCapita,
      basis: row.basis,
      updatedAt: row.updatedAt.toISOString(),
      source,
      chain,
    };
  }
  return undefined;
}

/** Field problems of the inputs given whether an exemption applies (nothing is written when any exist). */
export function inputProblems(inputs: HardshipInputs, basis: { exempt: boolean }): FieldError[] {
  const { exempt } = basis;
  if (exempt) return [];
  const problems: FieldError[] = [];
  if (inputs.householdSize === null) {
    problems.push({
      field: 'householdSize',
      messages: ['householdSize is required unless an exempt category applies'],
      codes: ['requiredWithoutExemption'],
    });
  }
  if (inputs.householdMonthlyIncome === null) {
    problems.push({
      field: 'householdMonthlyIncome',
      messages: ['householdMonthlyIncome is required unless an exempt category applies'],
      codes: ['requiredWithoutExemption'],
    });
  }
  if (!inputs.integrityCommitment) {
    problems.push({
      field: 'integrityCommitment',
      messages: ['the integrity commitment (诚信承诺) must be signed unless an exempt category applies'],
      codes: ['commitmentRequired'],
    });
  }
  return problems;
}

export interface Evaluation {
  result: HardshipResult;
  monthlyIncomePerCapita: number | null;
  rule: string;
  explanation: string;
}

/** The result of the check, and an explanation in words. Pure. */
export function evaluateHardship(
  inputs: HardshipInputs,
  exemption: CategorySnapshot | null,
  threshold: ThresholdSnapshot | null,
): Evaluation {
  const perCapita =
    inputs.householdSize !== null && inputs.householdMonthlyIncome !== null && inputs.householdSize > 0
      ? fenToYuan(Math.round(toFen(inputs.householdMonthlyIncome) / inputs.householdSize))
      : null;
  if (exemption) {
    return {
      result: 'exempt',
      monthlyIncomePerCapita: perCapita,
      rule: 'exempt-category',
      explanation: `Exempt from the economic-hardship check: ${exemption.labelZh} (${exemption.labelEn}; ${exemption.legalBasis})`,
    };
  }
  if (perCapita === null || !threshold)
    throw new Error('evaluateHardship needs household inputs and a threshold when no exemption applies');
  const eligible = toFen(perCapita) <= toFen(threshold.monthlyIncomePerCapita);
  const comparison = eligible ? 'is at or below' : 'exceeds';
  return {
    result: eligible ? 'eligible' : 'ineligible',
    monthlyIncomePerCapita: perCapita,
    rule: 'monthly income per capita <= threshold',
    explanation:
      `Monthly income per household member ${perCapita.toFixed(2)} yuan (${inputs.householdMonthlyIncome?.toFixed(2)} / ${inputs.householdSize}) ` +
      `${comparison} the ${threshold.source} threshold ${threshold.monthlyIncomePerCapita.toFixed(2)} yuan of ${threshold.regionCode} (${threshold.basis})`,
  };
}
