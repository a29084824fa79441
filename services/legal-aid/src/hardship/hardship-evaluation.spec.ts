import {
  evaluateHardship,
  HardshipInputs,
  inputProblems,
  pickThreshold,
  thresholdChain,
  ThresholdRow,
} from './hardship-evaluation';

const inputs = (over: Partial<HardshipInputs>): HardshipInputs => ({
  householdSize: 3,
  householdMonthlyIncome: 4500,
  exemptCategoryCode: null,
  integrityCommitment: true,
  matterTags: [],
  notes: null,
  ...over,
});
const row = (regionCode: string, amount: number): ThresholdRow => ({
  regionCode,
  level: 'x',
  monthlyIncomePerCapita: amount,
  basis: `basis ${regionCode}`,
  updatedAt: new Date('2026-01-01T00:00:00Z'),
});

describe('economic-hardship review', () => {
  it('looks up the county, then the city, then the province threshold', () => {
    expect(thresholdChain('371324101')).toEqual(['371324', '371300', '370000']);
    expect(thresholdChain('371300')).toEqual(['371300', '370000']);
    const rows = [row('370000', 1500), row('371300', 1700)];
    expect(pickThreshold(thresholdChain('371324101'), rows)).toMatchObject({
      regionCode: '371300',
      source: 'city',
      monthlyIncomePerCapita: 1700,
    });
    expect(pickThreshold(thresholdChain('371324101'), [...rows, row('371324', 1600)])).toMatchObject({
      regionCode: '371324',
      source: 'county',
    });
    expect(pickThreshold(thresholdChain('370102'), rows)).toMatchObject({ regionCode: '370000', source: 'province' });
  });

  it('compares income per household member with the threshold, at-or-below is hardship', () => {
    const threshold = pickThreshold(['370000'], [row('370000', 1500)]) ?? null;
    expect(evaluateHardship(inputs({ householdMonthlyIncome: 4500 }), null, threshold)).toMatchObject({
      result: 'eligible',
      monthlyIncomePerCapita: 1500,
    });
    expect(evaluateHardship(inputs({ householdMonthlyIncome: 4500.03 }), null, threshold)).toMatchObject({
      result: 'ineligible',
      monthlyIncomePerCapita: 1500.01,
    });
    expect(evaluateHardship(inputs({ householdMonthlyIncome: 9000 }), null, threshold).explanation).toContain(
      'exceeds the province threshold 1500.00',
    );
  });

  it('skips the income check for an exempt category and needs no commitment then', () => {
    const exemption = {
      code: 'migrant-worker-wages',
      labelZh: '申请支付劳动报酬的进城务工人员',
      labelEn: 'Migrant workers claiming unpaid wages',
      legalBasis: '第42条',
    };
    const bare = inputs({
      householdSize: null,
      householdMonthlyIncome: null,
      integrityCommitment: false,
      exemptCategoryCode: exemption.code,
    });
    expect(inputProblems(bare, { exempt: true })).toEqual([]);
    expect(evaluateHardship(bare, exemption, null)).toMatchObject({
      result: 'exempt',
      rule: 'exempt-category',
      monthlyIncomePerCapita: null,
    });
  });

  it('names every missing input when no exemption applies', () => {
    const problems = inputProblems(
      inputs({ householdSize: null, householdMonthlyIncome: null, integrityCommitment: false }),
      { exempt: false },
    );
    expect(problems.map((p) => p.field)).toEqual(['householdSize', 'householdMonthlyIncome', 'integrityCommitment']);
  });
});
