import {
  ISO7064_MOD_11_2,
  ISO7064_MOD_37_2,
  pureSystemCheckCharacter,
  pureSystemChecksum,
  pureSystemVerify,
} from './iso7064-pure-system';

describe('ISO/IEC 7064 pure systems', () => {
  it('computes the published MOD 37-2 example G123489654321 → Y', () => {
    expect(pureSystemCheckCharacter(ISO7064_MOD_37_2, 'G123489654321')).toBe('Y');
    expect(pureSystemVerify(ISO7064_MOD_37_2, 'G123489654321Y')).toBe(true);
    expect(pureSystemChecksum(ISO7064_MOD_37_2, 'G123489654321Y')).toBe(1);
  });

  it('computes the published MOD 11-2 example 079 → X', () => {
    expect(pureSystemCheckCharacter(ISO7064_MOD_11_2, '079')).toBe('X');
    expect(pureSystemVerify(ISO7064_MOD_11_2, '079X')).toBe(true);
  });

  it('computes the GB 11643-1999 sample citizen number check digit (MOD 11-2)', () => {
    expect(pureSystemCheckCharacter(ISO7064_MOD_11_2, '11010519491231002')).toBe('X');
  });

  it('produces a verifying string for every possible check value', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000 && seen.size < 37; i++) {
      const body = String(i).padStart(5, '0');
      const check = pureSystemCheckCharacter(ISO7064_MOD_37_2, body);
      seen.add(check);
      expect(pureSystemVerify(ISO7064_MOD_37_2, body + check)).toBe(true);
    }
    expect(seen.size).toBe(37);
  });

  it('rejects characters outside the alphabet instead of treating them as a value', () => {
    expect(pureSystemVerify(ISO7064_MOD_37_2, '12a4')).toBe(false);
    expect(() => pureSystemChecksum(ISO7064_MOD_37_2, '12a4')).toThrow(RangeError);
  });

  it('rejects strings too short to hold a body and a check character', () => {
    expect(pureSystemVerify(ISO7064_MOD_37_2, '')).toBe(false);
    expect(pureSystemVerify(ISO7064_MOD_37_2, '1')).toBe(false);
  });
});
