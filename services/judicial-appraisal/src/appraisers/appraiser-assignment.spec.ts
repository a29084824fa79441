import { AppraiserCandidate, assignAppraisers } from './appraiser-assignment';

type Overrides = Partial<AppraiserCandidate>;
const appraiser = (id: string, categories: string[], overrides: Overrides = {}): AppraiserCandidate => {
  const licenceNumber = `37010200${id}`;
  return {
    id,
    name: `鉴定人${id}`,
    licenceNumber,
    institutionCode: '370102001',
    categories,
    active: true,
    ...overrides,
  };
};
const candidates = [
  appraiser('1', ['forensic-medicine']),
  appraiser('2', ['forensic-medicine', 'physical-evidence']),
  appraiser('3', ['audio-visual']),
  appraiser('4', ['forensic-medicine'], { active: false }),
  appraiser('5', ['forensic-medicine'], { institutionCode: '371302001' }),
];
const assign = (chosenIds: string[], category = 'forensic-medicine'): ReturnType<typeof assignAppraisers> =>
  assignAppraisers({ chosenIds, institutionCode: '370102001', category, candidates });

describe('appraiser assignment (art. 19: two qualified appraisers)', () => {
  it('assigns two distinct appraisers of the institution qualified for the category, and explains it', () => {
    const result = assign(['1', '2']);
    expect(result).toMatchObject({ assigned: [{ id: '1' }, { id: '2' }] });
    expect('explanation' in result && result.explanation).toContain('法医类 (forensic-medicine)');
  });

  it('refuses one, three, or the same appraiser twice', () => {
    expect(assign(['1'])).toMatchObject({ refused: 'appraiser-count' });
    expect(assign(['1', '2', '3'])).toMatchObject({ refused: 'appraiser-count' });
    expect(assign(['1', '1'])).toMatchObject({ refused: 'same-appraiser' });
  });

  it('refuses an appraiser not qualified for the category, not practising, or of another institution', () => {
    expect(assign(['1', '3'])).toMatchObject({ refused: 'not-qualified', reason: expect.stringContaining('鉴定人3') });
    expect(assign(['1', '4'])).toMatchObject({
      refused: 'not-qualified',
      reason: expect.stringContaining('not practising'),
    });
    expect(assign(['1', '5'])).toMatchObject({ refused: 'unknown-appraiser' });
    expect(assign(['2', '3'], 'physical-evidence')).toMatchObject({ refused: 'not-qualified' });
  });
});
