import { fullFormats } from 'ajv-formats/dist/formats';
import { isRfc3339DateTime } from './date-time';

const reference = fullFormats['date-time'];
const ajvFormats = (value: string): boolean => {
  if (typeof reference === 'object' && 'validate' in reference && typeof reference.validate === 'function')
    return (reference.validate as (input: string) => boolean)(value);
  throw new Error('ajv-formats date-time is not a function format');
};

const CASES: [string, boolean][] = [
  ['2026-12-05T00:41:53Z', true],
  ['2026-12-05t00:41:53.123z', true],
  ['2026-12-05 00:41:53+08:00', true],
  ['2024-02-29T12:00:00+0800', true],
  ['2026-01-01T10:00:00+08', true],
  ['2000-02-29T00:00:00Z', true],
  ['2026-01-01T23:59:60Z', true],
  ['2026-01-01T07:59:60+08:00', true],
  ['2026-01-01T15:59:60-08:00', true],
  ['2026-01-01\t10:00:00Z', true],
  ['2023-02-29T12:00:00Z', false],
  ['1900-02-29T00:00:00Z', false],
  ['2026-02-30T00:00:00Z', false],
  ['2026-04-31T00:00:00Z', false],
  ['2026-13-01T00:00:00Z', false],
  ['2026-00-10T00:00:00Z', false],
  ['2026-01-00T00:00:00Z', false],
  ['2026-01-01T24:00:00Z', false],
  ['2026-01-01T29:00:00Z', false],
  ['2026-01-01T23:60:00Z', false],
  ['2026-01-01T23:59:61Z', false],
  ['2026-01-01T12:59:60Z', false],
  ['2026-01-01T10:00:00', false],
  ['2026-01-01T10:00:00+24:00', false],
  ['2026-01-01T10:00:00+08:60', false],
  ['2026-01-01T10:00:00+8', false],
  ['2026-01-01T10:00:00.Z', false],
  ['2026-01-01T10:00Z', false],
  ['2026-01-01TT10:00:00Z', false],
  ['2026-01-01T10:00:00 Z', false],
  ['2026-01-01T10:00:00Z\n', false],
  [' 2026-01-01T10:00:00Z', false],
  ['2026-1-01T10:00:00Z', false],
  ['', false],
];

/** A small deterministic generator (mulberry32), so a failure names a string that can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('isRfc3339DateTime', () => {
  it.each(CASES)('%j → %s, as ajv-formats decides', (value, expected) => {
    expect(isRfc3339DateTime(value)).toBe(expected);
    expect(ajvFormats(value)).toBe(expected);
  });

  it('agrees with ajv-formats on 50,000 mutated timestamps (digits, separators, offsets, whitespace)', () => {
    const next = random(14);
    const alphabet = '0123456789-:+.TtZz \t\u00a0x';
    const pick = (): string => alphabet[Math.floor(next() * alphabet.length)];
    const differences: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 50_000; i++) {
      const chars = CASES[i % CASES.length][0].split('');
      for (let edits = 1 + (i % 3); edits > 0; edits--) {
        const at = Math.floor(next() * (chars.length + 1));
        const r = next();
        if (r < 0.4) chars[at] = pick();
        else if (r < 0.7) chars.splice(at, 1);
        else chars.splice(at, 0, pick());
      }
      const value = chars.join('');
      const ours = isRfc3339DateTime(value);
      if (ours) accepted++;
      if (ours !== ajvFormats(value)) differences.push(value);
    }
    expect(differences).toEqual([]);
    expect(accepted).toBeGreaterThan(500); // the mutations reach accepted strings too, not only refusals
  });
});
