import { editDistance, nameSimilarity } from './name-similarity';

describe('name similarity', () => {
  it('scores identical names 1 and one mistyped character 0.8', () => {
    expect(nameSimilarity('张三', '张三')).toBe(1);
    expect(nameSimilarity('张三丰', '张山丰')).toBe(0.8);
  });

  it('scores one character more or less 0.7 and anything further apart 0', () => {
    expect(nameSimilarity('欧阳娜娜', '欧阳娜')).toBe(0.7);
    expect(nameSimilarity('张三', '李四')).toBe(0);
    expect(nameSimilarity('', '张三')).toBe(0);
  });

  it('counts edits by characters, not UTF-16 units', () => {
    expect(editDistance('𠮷野', '吉野')).toBe(1);
  });
});
