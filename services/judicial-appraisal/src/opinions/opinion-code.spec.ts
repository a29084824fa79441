import { checkOpinionCode, formatOpinionCode } from './opinion-code';

const jinan = { institutionCode: '370102001', year: 2026 };

describe('opinion code (鉴定意见书赋码, ISO 7064 MOD 11-2)', () => {
  it('formats institution, year, serial and the MOD 11-2 check character', () => {
    // Worked out by hand with the ISO 7064 MOD 11-2 recursion p = ((p + d) · 2) mod 11, check = (12 - p) mod 11
    // over 3701020012026000123 (the same recursion gives X for the ID-card example 11010519491231002X).
    const code = formatOpinionCode({ institutionCode: '370102001', year: 2026, serial: 123 });
    expect(code).toBe('JD-370102001-2026-000123-1');
    expect(checkOpinionCode(code)).toEqual({
      ok: true,
      code,
      parts: { institutionCode: '370102001', year: 2026, serial: 123 },
    });
  });

  it('refuses every single-digit change and every swap of neighbouring different digits', () => {
    const code = formatOpinionCode({ institutionCode: '371302004', year: 2026, serial: 98765 });
    const digits = code.replace(/-/g, '').slice(2);
    const rebuild = (d: string): string => `JD-${d.slice(0, 9)}-${d.slice(9, 13)}-${d.slice(13, 19)}-${d.slice(19)}`;
    let tampered = 0;
    for (let i = 0; i < 19; i++) {
      for (const c of '0123456789') {
        if (c === digits[i]) continue;
        expect(checkOpinionCode(rebuild(digits.slice(0, i) + c + digits.slice(i + 1)))).toEqual({
          ok: false,
          problem: 'check-character',
        });
        tampered++;
      }
      const a = digits[i] ?? '';
      const b = digits[i + 1] ?? '';
      if (i < 18 && a !== b) {
        expect(checkOpinionCode(rebuild(digits.slice(0, i) + b + a + digits.slice(i + 2))).ok).toBe(false);
      }
    }
    expect(tampered).toBe(171);
  });

  it('tells a malformed code from a wrong check character and tolerates spaces and a lower-case x', () => {
    expect(checkOpinionCode('JD-37010200-2026-000123-4')).toEqual({ ok: false, problem: 'malformed' });
    expect(checkOpinionCode('<script>')).toEqual({ ok: false, problem: 'malformed' });
    const withX = Array.from({ length: 200 }, (_, i) => formatOpinionCode({ ...jinan, serial: i + 1 })).find((c) =>
      c.endsWith('X'),
    );
    expect(withX).toBeDefined();
    expect(checkOpinionCode(` ${(withX ?? '').toLowerCase()} `)).toMatchObject({ ok: true, code: withX });
  });

  it('refuses parts it cannot encode', () => {
    expect(() => formatOpinionCode({ institutionCode: '37010', year: 2026, serial: 1 })).toThrow(RangeError);
    expect(() => formatOpinionCode({ institutionCode: '370102001', year: 2026, serial: 0 })).toThrow(RangeError);
    expect(() => formatOpinionCode({ ...jinan, serial: 1_000_000 })).toThrow(RangeError);
  });
});
