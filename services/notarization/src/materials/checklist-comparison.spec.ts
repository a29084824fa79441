import { COMMITMENT_NOT_ALLOWED, ChecklistItem, compareWithChecklist, oneTimeNoticeText } from './checklist-comparison';

const kinship: ChecklistItem[] = [
  { code: 'applicant-id-card', label: '申请人居民身份证', commitmentAllowed: false, sortOrder: 1 },
  { code: 'household-register', label: '户口簿', commitmentAllowed: false, sortOrder: 2 },
  { code: 'kinship-proof', label: '亲属关系证明', commitmentAllowed: true, sortOrder: 3 },
  { code: 'relative-identity', label: '关系人身份证明', commitmentAllowed: true, sortOrder: 4 },
];

describe('compareWithChecklist', () => {
  it('names every item not provided, in checklist order', () => {
    const result = compareWithChecklist(kinship, {
      documents: [{ code: 'household-register' }, { code: 'applicant-id-card', reference: 'ID-1' }],
      commitments: [],
    });
    expect(result.missing.map((m) => m.code)).toEqual(['kinship-proof', 'relative-identity']);
    expect(result.items.map((i) => i.provision)).toEqual(['document', 'document', 'missing', 'missing']);
    expect(result.items[0]?.reference).toBe('ID-1');
  });

  it('lets a signed commitment replace a proof only where the catalogue allows it', () => {
    const result = compareWithChecklist(kinship, {
      documents: [{ code: 'applicant-id-card' }],
      commitments: [
        { code: 'kinship-proof', signatory: '张三' },
        { code: 'household-register', signatory: '张三' },
      ],
    });
    const byCode = Object.fromEntries(result.items.map((i) => [i.code, i]));
    expect(byCode['kinship-proof']).toMatchObject({ provision: 'commitment', commitmentSignatory: '张三', note: null });
    expect(byCode['household-register']).toMatchObject({ provision: 'missing', note: COMMITMENT_NOT_ALLOWED });
    expect(result.missing.map((m) => m.code)).toEqual(['household-register', 'relative-identity']);
  });

  it('prefers a proof to a commitment for the same item', () => {
    const result = compareWithChecklist(kinship, {
      documents: [{ code: 'kinship-proof' }],
      commitments: [{ code: 'kinship-proof', signatory: '张三' }],
    });
    expect(result.items.find((i) => i.code === 'kinship-proof')?.provision).toBe('document');
  });

  it('reports codes that are not on the checklist by their position', () => {
    const result = compareWithChecklist(kinship, {
      documents: [{ code: 'applicant-id-card' }, { code: 'passport' }],
      commitments: [{ code: 'diploma', signatory: '张三' }],
    });
    expect(result.unknownDocuments).toEqual([1]);
    expect(result.unknownCommitments).toEqual([0]);
  });

  it('finds nothing missing when everything is there', () => {
    const all = compareWithChecklist(kinship, { documents: kinship.map((k) => ({ code: k.code })), commitments: [] });
    expect(all.missing).toEqual([]);
  });
});

describe('oneTimeNoticeText', () => {
  it('lists every missing item in one notice and explains a refused commitment', () => {
    const { missing } = compareWithChecklist(kinship, {
      documents: [{ code: 'applicant-id-card' }],
      commitments: [{ code: 'household-register', signatory: '张三' }],
    });
    const text = oneTimeNoticeText('亲属关系公证', missing);
    expect(text).toContain('亲属关系公证尚缺以下材料');
    expect(text).toContain(`1. 户口簿（${COMMITMENT_NOT_ALLOWED}）`);
    expect(text).toContain('2. 亲属关系证明');
    expect(text).toContain('3. 关系人身份证明');
  });
});
