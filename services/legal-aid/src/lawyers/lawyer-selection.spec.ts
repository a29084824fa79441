import { explainChoice, LawyerCandidate, rankLawyers } from './lawyer-selection';

let n = 0;
const lawyer = (over: Partial<LawyerCandidate>): LawyerCandidate => ({
  id: `00000000-0000-4000-8000-00000000000${n++}`,
  name: `L${n}`,
  lawFirm: 'F',
  expertiseTags: [],
  regionCode: '371324',
  capacity: 5,
  currentLoad: 0,
  active: true,
  ...over,
});

describe('choosing a lawyer from the roster', () => {
  const needs = { matterRegionCode: '371324101', expertiseTags: ['labour'] };

  it('prefers expertise, then the same county over the city, then the lowest load', () => {
    const countyGeneralist = lawyer({ name: 'county-generalist' });
    const cityLabour = lawyer({ name: 'city-labour', regionCode: '371302', expertiseTags: ['labour'] });
    const countyLabourBusy = lawyer({ name: 'county-labour-busy', expertiseTags: ['labour'], currentLoad: 4 });
    const countyLabourFree = lawyer({
      name: 'county-labour-free',
      expertiseTags: ['labour', 'family'],
      currentLoad: 1,
    });
    const ranked = rankLawyers([countyGeneralist, cityLabour, countyLabourBusy, countyLabourFree], needs).ranked.map(
      (c) => c.name,
    );
    expect(ranked).toEqual(['county-labour-free', 'county-labour-busy', 'city-labour', 'county-generalist']);
  });

  it('leaves out inactive and full lawyers and lawyers of other cities', () => {
    const selection = rankLawyers(
      [
        lawyer({ active: false }),
        lawyer({ currentLoad: 5 }),
        lawyer({ regionCode: '370102' }),
        lawyer({ name: 'ok', regionCode: '371300' }),
      ],
      needs,
    );
    expect(selection.ranked.map((c) => c.name)).toEqual(['ok']);
    expect(selection.ranked[0]?.regionMatch).toBe('city');
    expect(selection.excluded).toEqual({ inactive: 1, full: 1, otherArea: 1 });
  });

  it('explains the choice without personal data of the applicant', () => {
    const selection = rankLawyers(
      [lawyer({ name: '李明', lawFirm: '兰陵律所', expertiseTags: ['labour'], currentLoad: 2 })],
      needs,
    );
    const chosen = selection.ranked[0];
    if (!chosen) throw new Error('expected a candidate');
    const text = explainChoice(chosen, selection, needs, { manual: false });
    expect(text).toContain('李明 (兰陵律所) ranked 1 of 1');
    expect(text).toContain('expertise labour matches');
    expect(text).toContain('same county (371324)');
    expect(text).toContain('load 2/5');
  });
});
