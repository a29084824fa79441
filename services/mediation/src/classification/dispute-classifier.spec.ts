import { classifyDispute, KeywordRule } from './dispute-classifier';

const rules: KeywordRule[] = [
  { category: 'labour', keyword: '拖欠工资', weight: 4 },
  { category: 'labour', keyword: '工资', weight: 2 },
  { category: 'labour', keyword: '老板', weight: 1 },
  { category: 'family', keyword: '离婚', weight: 3 },
  { category: 'neighbour', keyword: '邻居', weight: 3 },
  { category: 'property', keyword: '房屋', weight: 2 },
  { category: 'consumer', keyword: '退货', weight: 3 },
];

describe('classifyDispute', () => {
  it('classifies a wage-arrears description as a labour dispute and names the keywords that decided it', () => {
    const result = classifyDispute('老板拖欠工资三万元，多次讨要未果', rules);
    expect(result.category).toBe('labour');
    expect(result.matchedKeywords).toEqual(['工资', '拖欠工资', '老板']);
    expect(result.scores).toEqual({ labour: 7 });
  });

  it('lets the higher total score win when several categories match', () => {
    const result = classifyDispute('邻居家房屋漏水，与邻居协商不成，还提到离婚', rules);
    expect(result.scores).toEqual({ family: 3, neighbour: 3, property: 2 });
    // family and neighbour tie on score and strongest weight: the fixed category order decides.
    expect(result.category).toBe('family');
  });

  it('breaks a tie on score by the strongest single keyword', () => {
    const tie: KeywordRule[] = [
      { category: 'family', keyword: '子女', weight: 1 },
      { category: 'family', keyword: '老人', weight: 1 },
      { category: 'consumer', keyword: '退货', weight: 2 },
    ];
    expect(classifyDispute('老人要求子女帮忙退货', tie).category).toBe('consumer');
  });

  it('returns no category when no keyword occurs', () => {
    expect(classifyDispute('咨询一般问题', rules)).toEqual({ category: undefined, matchedKeywords: [], scores: {} });
  });

  it('matches full-width and case variants of latin keywords', () => {
    const latin: KeywordRule[] = [{ category: 'consumer', keyword: 'App', weight: 1 }];
    expect(classifyDispute('ＡＰＰ会员扣费', latin).category).toBe('consumer');
  });
});
