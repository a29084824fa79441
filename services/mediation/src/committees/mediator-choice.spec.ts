import { chooseMediator, MediatorCandidate } from './mediator-choice';

const wang: MediatorCandidate = {
  id: 'a',
  name: '王',
  specialties: ['family', 'neighbour'],
  openCases: 1,
  maxOpenCases: 6,
};
const liu: MediatorCandidate = { id: 'b', name: '刘', specialties: ['labour'], openCases: 4, maxOpenCases: 6 };
const sun: MediatorCandidate = {
  id: 'c',
  name: '孙',
  specialties: ['labour', 'property'],
  openCases: 2,
  maxOpenCases: 6,
};

describe('chooseMediator', () => {
  it('prefers the least loaded specialist in the category', () => {
    const choice = chooseMediator([wang, liu, sun], 'labour');
    expect(choice.mediator?.id).toBe('c');
    expect(choice.hasCapacity).toBe(true);
    expect(choice.reason).toBe('孙 (load 2/6): specialist in labour, least loaded of 2 free specialist(s)');
  });

  it('takes a specialist even when a generalist has less load', () => {
    expect(chooseMediator([wang, liu], 'labour').mediator?.id).toBe('b');
  });

  it('skips a full specialist for the least loaded free mediator', () => {
    const full = { ...sun, openCases: 6 };
    const choice = chooseMediator([wang, { ...liu, openCases: 6 }, full], 'labour');
    expect(choice.mediator?.id).toBe('a');
    expect(choice.reason).toContain('no free specialist in labour');
  });

  it('compares load relative to each maximum', () => {
    const big: MediatorCandidate = { id: 'd', name: '大', specialties: [], openCases: 3, maxOpenCases: 12 };
    expect(chooseMediator([{ ...wang, openCases: 2 }, big], undefined).mediator?.id).toBe('d');
  });

  it('reports no capacity when everybody is full but still names the least loaded', () => {
    const choice = chooseMediator(
      [
        { ...wang, openCases: 7 },
        { ...liu, openCases: 6 },
      ],
      'family',
    );
    expect(choice.hasCapacity).toBe(false);
    expect(choice.mediator?.id).toBe('b');
  });

  it('has nobody to choose from an empty committee', () => {
    expect(chooseMediator([], 'family')).toEqual({
      mediator: undefined,
      hasCapacity: false,
      reason: 'the committee has no active mediator',
    });
  });
});
