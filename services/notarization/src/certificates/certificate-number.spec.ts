import { defaultCertificatePrefix, formatCertificateNumber } from './certificate-number';

describe('formatCertificateNumber', () => {
  it('writes year, office prefix and a six-digit serial', () => {
    expect(formatCertificateNumber(2026, '鲁临沂', 123)).toBe('(2026)鲁临沂证字第000123号');
  });

  it('refuses serials that do not fit', () => {
    expect(() => formatCertificateNumber(2026, '鲁临沂', 0)).toThrow(RangeError);
    expect(() => formatCertificateNumber(2026, '鲁临沂', 1_000_000)).toThrow(RangeError);
  });
});

describe('defaultCertificatePrefix', () => {
  it("uses the city's short name under 鲁", () => {
    expect(defaultCertificatePrefix('371324')).toBe('鲁临沂');
    expect(defaultCertificatePrefix('370102002')).toBe('鲁济南');
  });
});
