import { exemptCategoriesShown, proposeExemptCategory } from './exempt-category-proposal';

const ALL = [
  'notified-defence',
  'migrant-worker-wages',
  'migrant-worker-injury',
  'minor-without-fixed-income',
  'abuse-violence-victim',
  'elderly-without-fixed-income',
  'subsistence-allowance',
];

describe('proposeExemptCategory (法律援助法 第四十二条)', () => {
  it('proposes migrant-worker wages for a migrant worker’s wage arrears (农民工讨薪), saying why', () => {
    expect(
      proposeExemptCategory({ description: '在工地干了半年活，老板拖欠工资三万元不给', tags: ['labour'] }, ALL),
    ).toEqual({
      code: 'migrant-worker-wages',
      reason: 'the description mentions 工地 and 拖欠工资',
    });
    expect(proposeExemptCategory({ description: '我们几个农民工讨薪无果', tags: [] }, ALL)?.code).toBe(
      'migrant-worker-wages',
    );
  });

  it('proposes work injury for 工伤 and for an injured migrant worker', () => {
    expect(proposeExemptCategory({ description: '去年在厂里发生工伤，单位不给赔偿', tags: [] }, ALL)?.code).toBe(
      'migrant-worker-injury',
    );
    expect(proposeExemptCategory({ description: '在工地干活时从脚手架摔伤', tags: [] }, ALL)?.code).toBe(
      'migrant-worker-injury',
    );
  });

  it('proposes the minor category from the words or an age under 18, and the elderly from an age of 60 or more', () => {
    expect(proposeExemptCategory({ description: '我儿子今年15岁，被人打伤', tags: [] }, ALL)).toEqual({
      code: 'minor-without-fixed-income',
      reason: 'the description gives an age of 15',
    });
    expect(proposeExemptCategory({ description: '未成年人被拖欠抚养费', tags: [] }, ALL)?.code).toBe(
      'minor-without-fixed-income',
    );
    expect(proposeExemptCategory({ description: '我今年72岁，子女不给赡养费', tags: [] }, ALL)?.code).toBe(
      'elderly-without-fixed-income',
    );
  });

  it('proposes notified defence for a notice, and domestic-violence victims from the description', () => {
    expect(proposeExemptCategory({ description: '刑事案件', tags: [], kind: 'notified-defence' }, ALL)?.code).toBe(
      'notified-defence',
    );
    expect(proposeExemptCategory({ description: '长期遭受家暴，想离婚', tags: ['family'] }, ALL)?.code).toBe(
      'abuse-violence-victim',
    );
  });

  it('proposes nothing for a matter that shows no exempt category, and only active categories', () => {
    expect(proposeExemptCategory({ description: '邻居装修噪音扰民，想咨询如何维权', tags: [] }, ALL)).toBeNull();
    expect(
      proposeExemptCategory({ description: '在工地干活老板拖欠工资', tags: [] }, ['minor-without-fixed-income']),
    ).toBeNull();
  });

  it('lists every category the matter shows, strongest first', () => {
    const shown = exemptCategoriesShown({ description: '农民工在工地受伤，老板还拖欠工资', tags: [] }).map(
      (p) => p.code,
    );
    expect(shown.slice(0, 2)).toEqual(['migrant-worker-wages', 'migrant-worker-injury']);
  });
});
