import { formatCaseCode } from '@legal/domain';
import { acceptancePeriod, EntrustmentFacts, recordDecision, validateEntrustment } from './entrustment-rules';

const institution = { code: '370102001', categories: ['forensic-medicine', 'physical-evidence'] };
const now = new Date('2026-11-20T02:00:00Z');
// 2026-11-02 is a Monday; no holidays in November 2026.
const receivedAt = new Date('2026-11-02T02:00:00Z');
const court: EntrustmentFacts = {
  party: { kind: 'court', name: '兰陵县人民法院', courtCaseNumber: '(2026)鲁1324民初123号' },
  category: 'forensic-medicine',
  byLetter: false,
  complexity: 'ordinary',
  receivedAt,
};
const codes = (facts: EntrustmentFacts): string[] =>
  validateEntrustment(facts, institution, now).map((e) => `${e.field}:${e.codes.join(',')}`);

describe('entrustment validation (art. 11-15)', () => {
  it('accepts a court entrustment with its case number, a party, and a legal-aid case with a valid case code', () => {
    expect(codes(court)).toEqual([]);
    expect(codes({ ...court, party: { kind: 'party', name: '张三' } })).toEqual([]);
    const caseCode = formatCaseCode({ region: '371324', date: now, sequence: 42 });
    const legalAid = { kind: 'legal-aid', name: '兰陵县法律援助中心', legalAidCaseCode: caseCode } as const;
    expect(codes({ ...court, party: legalAid })).toEqual([]);
  });

  it('names each missing or misplaced party detail', () => {
    expect(codes({ ...court, party: { kind: 'court', name: '兰陵县人民法院' } })).toEqual([
      'party.courtCaseNumber:required',
    ]);
    const badNumber = { kind: 'court', name: '法院', courtCaseNumber: '123' } as const;
    expect(codes({ ...court, party: badNumber })).toEqual(['party.courtCaseNumber:format']);
    expect(
      codes({ ...court, party: { kind: 'party', name: '张三', courtCaseNumber: '(2026)鲁1324民初123号' } }),
    ).toEqual(['party.courtCaseNumber:notAllowed']);
    expect(codes({ ...court, party: { kind: 'legal-aid', name: '中心' } })).toEqual([
      'party.legalAidCaseCode:required',
    ]);
    expect(
      codes({ ...court, party: { kind: 'legal-aid', name: '中心', legalAidCaseCode: '371324-20261120-00042-0' } }),
    ).toEqual(['party.legalAidCaseCode:caseCode']);
  });

  it('refuses a category outside the licence, a complex matter without agreed period, a future or old receipt', () => {
    expect(codes({ ...court, category: 'audio-visual' })).toEqual(['category:outsideScope']);
    expect(codes({ ...court, category: 'astrology' })).toEqual(['category:isIn']);
    expect(codes({ ...court, complexity: 'complex' })).toEqual(['agreedAcceptanceWorkingDays:required']);
    const tooLong = { ...court, complexity: 'complex', agreedAcceptanceWorkingDays: 61 } as const;
    expect(codes(tooLong)).toEqual(['agreedAcceptanceWorkingDays:range']);
    expect(codes({ ...court, agreedAcceptanceWorkingDays: 20 })).toEqual(['agreedAcceptanceWorkingDays:notAllowed']);
    expect(codes({ ...court, receivedAt: new Date(now.getTime() + 60_000) })).toEqual(['receivedAt:future']);
    expect(codes({ ...court, receivedAt: new Date('0001-01-01T00:00:00Z') })).toEqual(['receivedAt:tooOld']);
  });
});

describe('acceptance period (art. 13)', () => {
  it('is 7 working days in person, 10 by letter, the agreed days for a complex matter', () => {
    const dateOf = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const inPerson = acceptancePeriod(court);
    expect([inPerson.workingDays, dateOf(inPerson.dueAt)]).toEqual([7, '2026-11-11']);
    expect(inPerson.explanation).toContain('art. 13');
    const byLetter = acceptancePeriod({ ...court, byLetter: true });
    expect([byLetter.workingDays, dateOf(byLetter.dueAt)]).toEqual([10, '2026-11-16']);
    expect(byLetter.explanation).toContain('函件委托');
    const complex = acceptancePeriod({
      ...court,
      byLetter: true,
      complexity: 'complex',
      agreedAcceptanceWorkingDays: 15,
    });
    expect([complex.workingDays, dateOf(complex.dueAt)]).toEqual([15, '2026-11-23']);
  });

  it('records a decision as in time or late, with what it means', () => {
    const period = acceptancePeriod(court);
    const accepted = recordDecision({ accept: true }, period, new Date('2026-11-11T15:00:00Z'));
    expect(accepted.timeliness).toBe('met');
    expect(accepted.explanation).toContain('委托协议');
    const decline = { accept: false, reasonCode: 'beyond-technical-capacity', reason: '无相应设备' } as const;
    const late = recordDecision(decline, period, new Date('2026-11-11T16:00:01Z'));
    expect(late.timeliness).toBe('breached');
    expect(late.explanation).toContain('Not accepted (art. 15, beyond-technical-capacity)');
  });
});
