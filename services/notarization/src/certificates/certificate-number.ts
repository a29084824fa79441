import { shandongRegions } from '@legal/domain';

/** Province abbreviation used in certificate numbers (鲁 = Shandong). */
const PROVINCE_ABBREVIATION = '鲁';

/** `(2026)鲁临沂证字第000123号`: year, office prefix, 证字, six-digit serial within office and year. */
export function formatCertificateNumber(year: number, prefix: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999)
    throw new RangeError(`certificate serial must be 1..999999, got ${serial}`);
  return `(${year})${prefix}证字第${String(serial).padStart(6, '0')}号`;
}

/**
 * The prefix a newly seen office starts with: 鲁 plus its city's short name (临沂市 → 鲁临沂); for a
 * code the registry does not know, 鲁 alone. Admins set the exact prefix per office.
 */
export function defaultCertificatePrefix(regionCode: string): string {
  const city = shandongRegions().lookup(`${regionCode.slice(0, 4)}00`);
  const shortName = city ? city.name.replace(/(市|地区|自治州|盟)$/, '') : '';
  return `${PROVINCE_ABBREVIATION}${shortName}`;
}
