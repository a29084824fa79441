import { ACCESS_CODE_ALPHABET, accessCodeHash, newAccessCode, normalizeAccessCode } from './access-code';

const pii = { hash: (v: string): string => `h(${v})` };

describe('access code', () => {
  it('is ten characters of the unambiguous alphabet, grouped 5-5, and different every time', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newAccessCode()));
    expect(codes.size).toBe(500);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      expect(code).not.toMatch(/[01ILO]/);
    }
    expect(ACCESS_CODE_ALPHABET).toHaveLength(31);
  });

  it('normalises what a citizen types (case, spaces, dashes) and refuses anything else', () => {
    expect(normalizeAccessCode(' k7qm4-x2prt ')).toBe('K7QM4X2PRT');
    expect(normalizeAccessCode('K7QM4 X2PRT')).toBe('K7QM4X2PRT');
    expect(normalizeAccessCode('K7QM4X2PR')).toBeUndefined();
    expect(normalizeAccessCode('K7QM4X2PR0')).toBeUndefined();
    expect(normalizeAccessCode('5678')).toBeUndefined();
    expect(normalizeAccessCode(undefined)).toBeUndefined();
  });

  it('hashes the normalised code with a domain prefix', () => {
    expect(accessCodeHash(pii, 'k7qm4-x2prt')).toBe('h(access-code:K7QM4X2PRT)');
    expect(() => accessCodeHash(pii, 'nope')).toThrow();
  });
});
