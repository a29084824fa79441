import { Classifier } from '../classification/classifier';
import { DEFAULT_CLASSIFICATION_MODEL } from '../classification/classification-model';
import { compareMatters, keywordOverlap, matterKeywords } from './matter-similarity';

const classifier = new Classifier(DEFAULT_CLASSIFICATION_MODEL);
const kw = (text: string): string[] => matterKeywords(classifier.words(text));
const at = (iso: string): Date => new Date(iso);

describe('matter similarity (issue 13 finding 3: the service type alone is not the matter)', () => {
  const wages = {
    serviceType: 'legal-aid',
    regionCode: '371324102',
    keywords: kw('在工地干了半年活，老板拖欠工资三万元不给，想讨薪'),
    receivedAt: at('2026-11-28T02:00:00Z'),
  };

  it('keeps the words that carry the matter', () => {
    expect(wages.keywords).toEqual(expect.arrayContaining(['工地', '老板', '拖欠', '工资']));
    expect(kw('请问，怎么办？')).toEqual([]);
    expect(keywordOverlap(['工资', '拖欠'], ['拖欠', '工资', '老板', '工地'])).toBe(1);
    expect(keywordOverlap([], ['工资'])).toBe(0);
  });

  it('links a restatement of the same matter in the same county', () => {
    const again = {
      ...wages,
      regionCode: '371324',
      keywords: kw('老板一直拖欠我的工资，工地上的活干完了不给钱'),
      receivedAt: at('2026-11-30T02:00:00Z'),
    };
    expect(compareMatters(again, wages)).toMatchObject({ sameMatter: true, sameCounty: true });
  });

  it('does not link an unrelated matter of the same person and service type in another county', () => {
    const jinan = {
      serviceType: 'legal-aid',
      regionCode: '370102',
      keywords: kw('交通事故受伤，对方保险公司拒绝赔偿医疗费'),
      receivedAt: at('2026-11-29T02:00:00Z'),
    };
    const result = compareMatters(jinan, wages);
    expect(result.sameMatter).toBe(false);
    expect(result.sameCounty).toBe(false);
    expect(result.explanation).toContain('county 370102 vs 371324');
  });

  it('links the same matter across counties when the descriptions clearly agree', () => {
    const elsewhere = {
      ...wages,
      regionCode: '370102',
      keywords: kw('老板拖欠工资三万元，在工地干了半年'),
      receivedAt: at('2026-12-01T02:00:00Z'),
    };
    expect(compareMatters(elsewhere, wages).sameMatter).toBe(true);
  });

  it('never links another service type; long after, only a clearly agreeing description links', () => {
    expect(compareMatters({ ...wages, serviceType: 'mediation' }, wages).sameMatter).toBe(false);
    expect(compareMatters({ ...wages, receivedAt: at('2027-08-01T00:00:00Z') }, wages).sameMatter).toBe(true);
    expect(
      compareMatters({ ...wages, keywords: kw('讨薪'), receivedAt: at('2027-08-01T00:00:00Z') }, wages).sameMatter,
    ).toBe(false);
  });

  it('within one county, a description too short to judge still links (as before)', () => {
    expect(compareMatters({ ...wages, keywords: kw('讨薪') }, wages).sameMatter).toBe(true);
  });
});
