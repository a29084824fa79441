import { Keyring, PiiProtector } from '@legal/privacy';
import { indexedNameSimilarity, nameIndex, storedNameHashes } from './name-index';
import { nameSimilarity } from './name-similarity';

const pii = new PiiProtector('a-test-key-of-enough-length', undefined, Keyring.generateEntry('test'));

function indexed(a: string, b: string): number {
  const mine = nameIndex(pii, a);
  return mine ? indexedNameSimilarity(mine, storedNameHashes(pii, b)) : 0;
}

describe('name index', () => {
  it('scores like nameSimilarity: the same name, one character substituted, more or less, anything else', () => {
    expect(indexed('张三', '张三')).toBe(1);
    expect(indexed('张三丰', '张山丰')).toBe(0.8);
    expect(indexed('欧阳娜娜', '欧阳娜')).toBe(0.7);
    expect(indexed('欧阳娜', '欧阳娜娜')).toBe(0.7);
    expect(indexed('张三', '李四')).toBe(0);
    expect(indexed('', '张三')).toBe(0);
    expect(indexed('张三', '')).toBe(0);
    // Two characters swapped is two edits, though both names lose a character to the same shorter name.
    expect(indexed('张三', '三张')).toBe(0);
    expect(indexed('𠮷野', '吉野')).toBe(0.8);
    expect(indexed('张 三', '张三')).toBe(1);
  });

  it('gives exactly nameSimilarity over every pair of short names from a small alphabet', () => {
    const alphabet = ['张', '三', '𠮷', 'Ａ', 'A'];
    const names: string[] = [''];
    for (let length = 1; length <= 4; length++)
      for (let n = 0; n < alphabet.length ** length; n++) {
        let name = '';
        for (let i = 0, rest = n; i < length; i++, rest = Math.floor(rest / alphabet.length))
          name += alphabet[rest % alphabet.length];
        names.push(name);
      }
    const index = new Map(names.map((name) => [name, storedNameHashes(pii, name)]));
    let compared = 0;
    for (const a of names) {
      const mine = nameIndex(pii, a);
      for (const b of names) {
        const theirs = index.get(b) ?? [];
        const expected = nameSimilarity(a, b);
        const actual = mine ? indexedNameSimilarity(mine, theirs) : 0;
        if (actual !== expected) throw new Error(`${a} / ${b}: index ${actual}, nameSimilarity ${expected}`);
        // The SQL filter (name_hashes && the probe) never drops a pair that scores.
        if (expected > 0 && !theirs.some((h) => mine?.stored.includes(h))) throw new Error(`${a} / ${b} filtered out`);
        compared++;
      }
    }
    expect(compared).toBe(names.length ** 2);
  });

  it('stores nothing comparable for a missing or blank name, and never the name itself', () => {
    expect(storedNameHashes(pii, undefined)).toEqual([]);
    expect(storedNameHashes(pii, ' \u3000')).toEqual([]);
    const stored = storedNameHashes(pii, '张三');
    expect(stored).toHaveLength(5);
    expect(stored.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });
});
