import { findControlCharacters, findIllFormedUnicode, jsonDepthExceeds } from './input-guard';

describe('jsonDepthExceeds', () => {
  it('counts nesting of arrays and objects, not brackets inside strings or escapes', () => {
    expect(jsonDepthExceeds('{"a":[1,{"b":[]}]}', 4)).toBe(false);
    expect(jsonDepthExceeds('{"a":[1,{"b":[[]]}]}', 4)).toBe(true);
    expect(jsonDepthExceeds(`{"text":"${'['.repeat(100)}","q":"\\"{{{{{"}`, 2)).toBe(false);
    expect(jsonDepthExceeds('"\\\\"', 0)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from(`{"名":"【{["}`, 'utf8'), 1)).toBe(false);
  });

  it('stops at the limit without reading a hostile body to the end', () => {
    expect(jsonDepthExceeds('['.repeat(1_000_000), 32)).toBe(true);
  });
});

describe('findControlCharacters', () => {
  it('names every offending field, by its path, including field names; allows tab, LF and CR', () => {
    const errors = findControlCharacters({
      ok: 'a\tb\nc\r',
      bad: 'x\u0000',
      list: ['fine', 'y\u001f'],
      nested: { deep: { v: '\u0008' } },
      ['k\u0001']: 'v',
    });
    expect(errors.map((e) => e.field)).toEqual(['"k\\u0001"', 'bad', 'list[1]', 'nested.deep.v']);
    expect(findControlCharacters({ id: 'a\u0000' }, 'path').map((e) => e.field)).toEqual(['path.id']);
    expect(findControlCharacters('top\u0000').map((e) => e.field)).toEqual(['body']);
    expect(findControlCharacters({ n: 1, b: true, z: null, text: '中文 \u007f é' })).toEqual([]);
  });

  it('names fields holding an unpaired surrogate; paired ones (emoji, CJK extension B) are fine', () => {
    const errors = findIllFormedUnicode({
      email: 'a@b.cn\ud800',
      list: ['ok', '\udfffx'],
      fine: '😀𠮷',
      ['k\udc00']: 'v',
    });
    expect(errors.map((e) => e.field)).toEqual(['k\udc00', 'email', 'list[1]'].sort());
    expect(errors[0]?.codes).toEqual(['wellFormedUnicode']);
    expect(findIllFormedUnicode({ id: 'x\ud83d' }, 'query').map((e) => e.field)).toEqual(['query.id']);
    expect(findIllFormedUnicode({ text: '中文 😀 é \u0000' })).toEqual([]);
  });
});
