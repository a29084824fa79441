import { chooseCommittee, CommitteeCandidate, committeeRegionChain } from './committee-choice';

const village: CommitteeCandidate = {
  id: 'v',
  regionCode: '371324101201',
  level: 'village',
  name: '大仲村人民调解委员会',
  active: true,
  activeMediators: 2,
};
const township: CommitteeCandidate = {
  id: 't',
  regionCode: '371324101',
  level: 'township',
  name: '大仲村镇人民调解委员会',
  active: true,
  activeMediators: 1,
};
const county: CommitteeCandidate = {
  id: 'c',
  regionCode: '371324',
  level: 'county',
  name: '兰陵县人民调解委员会',
  active: true,
  activeMediators: 3,
};

describe('committeeRegionChain', () => {
  it('walks from a village up to its township and county', () => {
    expect(committeeRegionChain('371324101201')).toEqual(['371324101201', '371324101', '371324']);
    expect(committeeRegionChain('371324101')).toEqual(['371324101', '371324']);
    expect(committeeRegionChain('371324')).toEqual(['371324']);
  });

  it('refuses codes of other widths', () => {
    expect(() => committeeRegionChain('3713241')).toThrow(RangeError);
  });
});

describe('chooseCommittee', () => {
  it("assigns a village dispute to the village's own committee", () => {
    const choice = chooseCommittee('371324101201', [county, township, village]);
    expect(choice.committee?.id).toBe('v');
    expect(choice.reason).toContain('own village');
  });

  it('falls back to the township committee when the village has none, and says so', () => {
    const choice = chooseCommittee('371324101299', [county, township, village]);
    expect(choice.committee?.id).toBe('t');
    expect(choice.reason).toBe(
      'fallback to the township committee 大仲村镇人民调解委员会 (371324101): the village 371324101299 has no committee',
    );
  });

  it('skips a village committee without active mediators or that is inactive', () => {
    expect(chooseCommittee('371324101201', [{ ...village, activeMediators: 0 }, township]).committee?.id).toBe('t');
    expect(chooseCommittee('371324101201', [{ ...village, active: false }, township]).reason).toContain('is inactive');
  });

  it('falls back to the county when neither village nor township can take it', () => {
    const choice = chooseCommittee('371324101201', [county]);
    expect(choice.committee?.id).toBe('c');
    expect(choice.reason).toContain('the township 371324101 has no committee');
  });

  it('finds nothing outside the chain', () => {
    const choice = chooseCommittee('370102002003', [county, township, village]);
    expect(choice.committee).toBeUndefined();
    expect(choice.reason).toContain('no committee can take a dispute from 370102002003');
  });
});
