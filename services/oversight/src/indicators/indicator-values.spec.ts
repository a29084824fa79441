import { INDICATORS } from './indicator-definitions';
import { EMPTY_COUNTS, indicatorValues } from './indicator-values';
import { NOT_A_REGION, populationOf } from './population';

const people = (population: number) => ({ population });

const byCode = (values: ReturnType<typeof indicatorValues>): Record<string, (typeof values)[number]> =>
  Object.fromEntries(values.map((v) => [v.code, v]));

describe('indicator values', () => {
  it('answers every defined indicator, in the order of the definitions', () => {
    expect(indicatorValues(EMPTY_COUNTS, NOT_A_REGION).map((v) => v.code)).toEqual(INDICATORS.map((d) => d.code));
  });

  it('leaves a ratio without a denominator empty instead of calling it 0 %', () => {
    const v = byCode(indicatorValues(EMPTY_COUNTS, people(1000)));
    expect(v.satisfaction).toEqual({ code: 'satisfaction', value: null, numerator: 0, denominator: 0 });
    expect(v.intakes.value).toBe(0);
  });

  it('computes legal-aid cases per 100,000 residents only where the population is known', () => {
    const counts = { ...EMPTY_COUNTS, total: 10, legalAidAccepted: 26 };
    expect(byCode(indicatorValues(counts, people(10_000)))['legal-aid-per-100k'].value).toBe(260);
    expect(byCode(indicatorValues(counts, populationOf('370102')))['legal-aid-per-100k']).toEqual({
      code: 'legal-aid-per-100k',
      value: null,
      numerator: 26,
      denominator: null,
      measurable: false,
      reason: 'needs county population data',
    });
  });

  it('annualises cases per 100,000 by 365 / days of the period', () => {
    const counts = { ...EMPTY_COUNTS, legalAidAccepted: 3 };
    // Jinan, 3 cases in November (30 days): 3 / 9,202,432 × 100,000 = 0.0326; × 365 / 30 = 0.3966.
    expect(byCode(indicatorValues(counts, populationOf('370100'), 30))['legal-aid-per-100k']).toEqual({
      code: 'legal-aid-per-100k',
      value: 0.0326,
      numerator: 3,
      denominator: 9_202_432,
      annualised: 0.3966,
    });
    expect(byCode(indicatorValues(counts, people(100_000), 365))['legal-aid-per-100k'].annualised).toBe(3);
  });

  it('counts complaints against the other work orders and rounds to two decimals', () => {
    const counts = { ...EMPTY_COUNTS, total: 4, complaints: 1, deadlinesMet: 2, deadlinesBreached: 1 };
    const v = byCode(indicatorValues(counts, NOT_A_REGION));
    expect(v['complaint-rate'].value).toBe(33.33);
    expect(v['deadlines-met'].value).toBe(66.67);
  });

  it('averages hours over the work orders that reached the step', () => {
    const counts = { ...EMPTY_COUNTS, total: 5, dispatched: 3, dispatchHoursSum: 9 };
    expect(byCode(indicatorValues(counts, NOT_A_REGION))['hours-to-dispatch']).toMatchObject({
      value: 3,
      denominator: 3,
    });
  });
});

describe('indicators from the handlers and the case code', () => {
  it('computes the grant rate, the exempt share of grants, the agreement and the confirmation rates', () => {
    const counts = {
      ...EMPTY_COUNTS,
      aidGranted: 3,
      aidDenied: 1,
      aidExempt: 1,
      mediationEnded: 4,
      mediationAgreements: 2,
      agreementsConfirmed: 1,
    };
    const v = byCode(indicatorValues(counts, NOT_A_REGION));
    expect(v['legal-aid-grant-rate']).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
    expect(v['legal-aid-exempt-share']).toMatchObject({ value: 33.33, numerator: 1, denominator: 3 });
    expect(v['mediation-agreement-rate']).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(v['judicial-confirmation-rate']).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it('averages the minutes to a case code over the work orders whose views carry it', () => {
    const counts = { ...EMPTY_COUNTS, total: 3, registered: 2, registrationMinutesSum: 3 };
    expect(byCode(indicatorValues(counts, NOT_A_REGION))['minutes-to-case-code']).toMatchObject({
      value: 1.5,
      denominator: 2,
    });
  });

  it('computes callback timeliness over the callbacks completed', () => {
    const counts = { ...EMPTY_COUNTS, callbacksCompleted: 4, callbacksOnTime: 3 };
    expect(byCode(indicatorValues(counts, NOT_A_REGION))['callback-timeliness']).toMatchObject({
      value: 75,
      numerator: 3,
      denominator: 4,
    });
  });

  it('computes hotline 7x24 coverage as covered minutes over the minutes of the period', () => {
    const counts = { ...EMPTY_COUNTS, rosterCoveredMinutes: 1440 + 1200, rosterMinutes: 2 * 1440 };
    expect(byCode(indicatorValues(counts, NOT_A_REGION))['hotline-coverage']).toEqual({
      code: 'hotline-coverage',
      value: 91.67,
      numerator: 2640,
      denominator: 2880,
    });
    expect(byCode(indicatorValues(EMPTY_COUNTS, NOT_A_REGION))['hotline-coverage'].value).toBeNull();
  });
});
