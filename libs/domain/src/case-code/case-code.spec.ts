import { ISO7064_MOD_37_2, pureSystemCheckCharacter } from '../check-digit/iso7064-pure-system';
import {
  CASE_CODE_CHECK_ALPHABET,
  CASE_CODE_PATTERN,
  formatCaseCode,
  isValidCaseCode,
  normalizeCaseCode,
  parseCaseCode,
} from './case-code';

/** Deterministic PRNG (mulberry32) so the generated codes are the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['370000', '370100', '370102', '370116', '370212', '371302', '371725', '371200'];

function generatedCodes(count: number): string[] {
  const random = prng(20261128);
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const region = REGIONS[Math.floor(random() * REGIONS.length)] as string;
    const date = new Date(Date.UTC(2019, 0, 1) + Math.floor(random() * 365 * 12) * 86_400_000);
    const wide = i % 10 === 0;
    const sequence = wide ? 1_000_000 + Math.floor(random() * 998_000_000) : 1 + Math.floor(random() * 999_999);
    codes.push(formatCaseCode({ region, date: date.toISOString().slice(0, 10), sequence }));
  }
  return codes;
}

describe('case code (一案一码)', () => {
  it('formats region, Shanghai date, six-digit sequence and a MOD 37-2 check character', () => {
    expect(formatCaseCode({ region: '370102', date: '2026-11-28', sequence: 120 })).toBe('370102-20261128-000120-F');
  });

  it('uses "=" for check value 36 where ISO 7064 writes "*", with otherwise identical arithmetic', () => {
    const code = formatCaseCode({ region: '370000', date: '2026-11-28', sequence: 123 });
    expect(code).toBe('370000-20261128-000123-=');
    expect(pureSystemCheckCharacter(ISO7064_MOD_37_2, '37000020261128000123')).toBe('*');
    for (const generated of generatedCodes(200)) {
      const digits = generated.replace(/-/g, '').slice(0, -1);
      const iso = pureSystemCheckCharacter(ISO7064_MOD_37_2, digits);
      expect(generated.slice(-1)).toBe(iso === '*' ? '=' : iso);
    }
  });

  it('dates the code by the day in Shanghai when given an instant', () => {
    const lateEvening = new Date('2026-09-30T23:30:00+08:00');
    expect(formatCaseCode({ region: '370102', date: lateEvening, sequence: 1 })).toMatch(/^370102-20260930-000001-/);
  });

  it('widens the sequence past 999999 without leading zeros', () => {
    const code = formatCaseCode({ region: '371302', date: '2026-11-28', sequence: 1_234_567 });
    expect(code).toBe('371302-20261128-1234567-F');
    expect(parseCaseCode(code)).toEqual({
      ok: true,
      value: { region: '371302', date: '2026-11-28', sequence: 1_234_567, code },
    });
  });

  it('refuses to format values no case can have', () => {
    expect(() => formatCaseCode({ region: '37010', date: '2026-11-28', sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseCode({ region: '990102', date: '2026-11-28', sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseCode({ region: '370102', date: '2026-02-30', sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseCode({ region: '370102', date: '2026-11-28', sequence: 0 })).toThrow(RangeError);
    expect(() => formatCaseCode({ region: '370102', date: '2026-11-28', sequence: 1.5 })).toThrow(RangeError);
    expect(() => formatCaseCode({ region: '370102', date: '2026-11-28', sequence: 1e9 })).toThrow(RangeError);
  });

  it('accepts lower case, spaces, missing or full-width dashes and full-width digits as the canonical code', () => {
    const canonical = '371302-20261128-1234567-F';
    for (const typed of [
      '37130220261128 1234567f',
      '371302 20261128 1234567 F',
      ' 371302-20261128-1234567-f ',
      '３７１３０２－２０２６１１２８－１２３４５６７－ｆ',
      '371302—20261128—1234567—F',
    ]) {
      expect(normalizeCaseCode(typed)).toBe(canonical);
    }
    expect(normalizeCaseCode('370000 20261128 000123 =')).toBe('370000-20261128-000123-=');
  });

  it('explains why a code is rejected with a stable reason', () => {
    const reasonOf = (text: unknown): string | undefined => {
      const result = parseCaseCode(text);
      return result.ok ? undefined : result.reason;
    };
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf(42)).toBe('empty');
    expect(reasonOf('370102-20261128-00012-F')).toBe('bad-format');
    expect(reasonOf('370102-20261128-000120-F-1')).toBe('bad-format');
    expect(reasonOf('370102-20261128-000120-*')).toBe('bad-format');
    expect(reasonOf('370102-20261128-000120-G')).toBe('check-mismatch');
    expect(reasonOf(withCheck('990102', '20261128', '000001'))).toBe('unknown-province');
    expect(reasonOf(withCheck('370102', '20260230', '000001'))).toBe('bad-date');
    expect(reasonOf(withCheck('370102', '18991231', '000001'))).toBe('bad-date');
    expect(reasonOf(withCheck('370102', '20261128', '000000'))).toBe('bad-sequence');
    expect(reasonOf(withCheck('370102', '20261128', '0123456'))).toBe('bad-sequence');
    const failed = parseCaseCode('370102-20261128-000120-G');
    expect(failed.ok ? '' : failed.message).toContain('mistyped');
  });

  it('matches the canonical pattern for every formatted code', () => {
    for (const code of generatedCodes(300)) {
      expect(code).toMatch(CASE_CODE_PATTERN);
      expect(isValidCaseCode(code)).toBe(true);
    }
  });

  it('uses all 37 check symbols', () => {
    const checks = new Set(generatedCodes(1000).map((code) => code.slice(-1)));
    expect([...checks].sort().join('')).toBe([...CASE_CODE_CHECK_ALPHABET].sort().join(''));
  });

  describe('error detection over 300 generated codes', () => {
    const codes = generatedCodes(300);

    it('detects every single-character substitution at every position with every other symbol', () => {
      let tried = 0;
      for (const code of codes) {
        const compact = code.replace(/-/g, '');
        for (let position = 0; position < compact.length; position++) {
          for (const symbol of CASE_CODE_CHECK_ALPHABET) {
            if (symbol === compact[position]) continue;
            const typo = compact.slice(0, position) + symbol + compact.slice(position + 1);
            const result = parseCaseCode(typo);
            tried++;
            if (result.ok) throw new Error(`substitution ${code} → ${typo} was accepted`);
            const digitForDigit = position < compact.length - 1 && /\d/.test(symbol);
            const checkForCheck = position === compact.length - 1;
            if ((digitForDigit || checkForCheck) && result.reason !== 'check-mismatch') {
              throw new Error(`substitution ${code} → ${typo} was caught only as ${result.reason}`);
            }
          }
        }
      }
      expect(tried).toBeGreaterThan(300 * 20 * 36);
    });

    it('detects every transposition of two adjacent distinct characters, including across dashes', () => {
      let tried = 0;
      for (const code of codes) {
        const compact = code.replace(/-/g, '');
        for (let position = 0; position + 1 < compact.length; position++) {
          const a = compact[position] as string;
          const b = compact[position + 1] as string;
          if (a === b) continue;
          const swapped = compact.slice(0, position) + b + a + compact.slice(position + 2);
          tried++;
          if (parseCaseCode(swapped).ok) throw new Error(`transposition ${code} → ${swapped} was accepted`);
        }
      }
      expect(tried).toBeGreaterThan(300 * 10);
    });
  });
});

/** Builds a code with a correct check character around deliberately bad parts. */
function withCheck(region: string, date: string, sequence: string): string {
  const digits = `${region}${date}${sequence}`;
  const iso = pureSystemCheckCharacter(ISO7064_MOD_37_2, digits);
  return `${region}-${date}-${sequence}-${iso === '*' ? '=' : iso}`;
}
