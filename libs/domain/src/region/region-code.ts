import { foldInputText } from '../common/input-text';
import { RegionLevel } from './region.types';

/**
 * Canonical form of a division code written at any of the usual widths: 2-digit province (37),
 * 4-digit city (3701), 6-digit GB/T 2260, 9-digit township, or 12-digit NBS code where trailing zero
 * groups mean a higher level (370102000000 = 370102). Returns undefined for anything else.
 */
export function canonicalRegionCode(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  let digits = foldInputText(text).replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  if (digits.length === 2) digits += '0000';
  else if (digits.length === 4) digits += '00';
  if (digits.length === 12 && digits.endsWith('000')) digits = digits.slice(0, 9);
  if (digits.length === 9 && digits.endsWith('000')) digits = digits.slice(0, 6);
  if (![6, 9, 12].includes(digits.length) || digits.startsWith('00')) return undefined;
  if (digits.length === 6 && digits.slice(2, 4) === '00' && digits.slice(4) !== '00') return undefined;
  return digits;
}

/** The level a canonical code denotes, from its shape alone. */
export function regionLevelOf(canonicalCode: string): RegionLevel {
  if (canonicalCode.length === 12) return 'village';
  if (canonicalCode.length === 9) return 'township';
  if (canonicalCode.endsWith('0000')) return 'province';
  if (canonicalCode.endsWith('00')) return 'city';
  return 'county';
}

/** County-level statistical codes 71-79 are development zones, not GB/T 2260 divisions. */
export function isDevelopmentZoneCode(countyCode: string): boolean {
  return /^\d{4}7\d$/.test(countyCode);
}
