import { foldInputText, stripSeparators } from '../common/input-text';
import { IsoDate, parseIsoDate, shanghaiDateOf } from '../calendar/shanghai-date';
import { currentCountyName } from '../region/national-divisions';
import { PROVINCE_NAMES } from '../region/province-codes';

/**
 * Citizen identity numbers, GB 11643-1999: 6-digit region (GB/T 2260 code where the number was first
 * issued), 8-digit birth date, 3-digit sequence (odd = male), check character (ISO 7064 MOD 11-2).
 *
 * The region is the code at the time of issue and is never changed afterwards, so millions of valid
 * numbers carry codes that no longer exist (Shandong: 3712xx 莱芜市 until 2019, 1980s prefecture codes
 * such as 3723xx/3728xx/3729xx). A code missing from today's division data is therefore accepted when
 * its province is valid and it is shaped like a county code; `regionKnown` tells the two cases apart,
 * and `requireKnownRegion` makes the check strict. Hong Kong, Macao and Taiwan residence permits
 * (港澳台居民居住证) use the same format with region 810000, 820000 or 830000.
 */
export const ID_CARD_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export const ID_CARD_CHECK_CHARACTERS = '10X98765432';
const RESIDENCE_PERMIT_REGIONS: Readonly<Record<string, string>> = {
  '810000': '香港特别行政区',
  '820000': '澳门特别行政区',
  '830000': '台湾地区',
};
const NOT_ON_MAINLAND_CARDS = new Set(['71', '81', '82']);
const EARLIEST_BIRTH_DATE = '1900-01-01';

export type IdCardProblem =
  | 'empty'
  | 'legacy-15-digit'
  | 'bad-format'
  | 'check-digit'
  | 'unknown-province'
  | 'unknown-region'
  | 'invalid-birth-date'
  | 'birth-date-before-1900'
  | 'birth-date-in-future';

export interface IdCardInfo {
  /** 18 characters, final X upper case. */
  readonly number: string;
  readonly kind: 'resident-identity-card' | 'hk-mo-tw-residence-permit';
  readonly regionCode: string;
  /** True when the region code is a current division (or a residence-permit region). */
  readonly regionKnown: boolean;
  /** Current name of the region, when known (e.g. 山东省济南市历下区). */
  readonly regionName: string | undefined;
  readonly birthDate: IsoDate;
  readonly sex: 'male' | 'female';
}

export type IdCardValidation =
  | { readonly ok: true; readonly value: IdCardInfo }
  | {
      readonly ok: false;
      /** The first problem; `reasons` lists every problem found. */
      readonly reason: IdCardProblem;
      readonly reasons: readonly IdCardProblem[];
      readonly message: string;
    };

export interface IdCardOptions {
  /** The day birth dates may not be after; default today in Asia/Shanghai. */
  readonly today?: Date | IsoDate;
  /** Reject region codes that are not current divisions (see the note on historic codes). */
  readonly requireKnownRegion?: boolean;
}

const MESSAGES: Readonly<Record<IdCardProblem, string>> = {
  empty: 'An identity card number is required.',
  'legacy-15-digit': 'This is a 15-digit first-generation number; the 18-digit number on the current card is needed.',
  'bad-format': 'An identity card number is 17 digits followed by a digit or X.',
  'check-digit': 'The last character does not match the others: a digit was probably mistyped.',
  'unknown-province': 'The first two digits are not a province code.',
  'unknown-region': 'The first six digits are not a region code.',
  'invalid-birth-date': 'Digits 7-14 are not a real birth date.',
  'birth-date-before-1900': 'The birth date is before 1900.',
  'birth-date-in-future': 'The birth date is in the future.',
};

/** Uppercase, separators and full-width characters removed; for display and storage of input. */
export function normalizeIdCardInput(text: string): string {
  return stripSeparators(foldInputText(text)).toUpperCase();
}

/** The GB 11643 check character for the first 17 digits. */
export function idCardCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('the check character needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_CARD_WEIGHTS[i] ?? 0);
  return ID_CARD_CHECK_CHARACTERS.charAt(sum % 11);
}

function regionProblem(
  region: string,
  { requireKnownRegion }: Pick<IdCardOptions, 'requireKnownRegion'>,
): IdCardProblem | undefined {
  const province = region.slice(0, 2);
  if (RESIDENCE_PERMIT_REGIONS[region] !== undefined) return undefined;
  if (province === '83' || PROVINCE_NAMES[province] === undefined || NOT_ON_MAINLAND_CARDS.has(province)) {
    return 'unknown-province';
  }
  if (currentCountyName(region) !== undefined) return undefined;
  const countyShaped = region.slice(2, 4) !== '00' && region.slice(4, 6) !== '00';
  return requireKnownRegion === true || !countyShaped ? 'unknown-region' : undefined;
}

function birthDateProblem(birthDate: IsoDate, today: IsoDate): IdCardProblem | undefined {
  if (parseIsoDate(birthDate) === undefined) return 'invalid-birth-date';
  if (birthDate < EARLIEST_BIRTH_DATE) return 'birth-date-before-1900';
  if (birthDate > today) return 'birth-date-in-future';
  return undefined;
}

export function validateIdCard(text: unknown, options: IdCardOptions = {}): IdCardValidation {
  const fail = (reasons: IdCardProblem[]): IdCardValidation => ({
    ok: false,
    reason: reasons[0] ?? 'bad-format',
    reasons,
    message: reasons.map((r) => MESSAGES[r]).join(' '),
  });
  if (typeof text !== 'string' || text.trim() === '') return fail(['empty']);
  const number = normalizeIdCardInput(text);
  if (/^\d{15}$/.test(number)) return fail(['legacy-15-digit']);
  if (!/^\d{17}[\dX]$/.test(number)) return fail(['bad-format']);

  const region = number.slice(0, 6);
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  const today =
    options.today instanceof Date ? shanghaiDateOf(options.today) : (options.today ?? shanghaiDateOf(new Date()));
  const problems = [
    idCardCheckCharacter(number.slice(0, 17)) === number[17] ? undefined : 'check-digit',
    regionProblem(region, options),
    birthDateProblem(birthDate, today),
  ].filter((p): p is IdCardProblem => p !== undefined);
  if (problems.length > 0) return fail(problems);

  const permitRegion = RESIDENCE_PERMIT_REGIONS[region];
  const regionName = permitRegion ?? currentCountyName(region);
  return {
    ok: true,
    value: {
      number,
      kind: permitRegion === undefined ? 'resident-identity-card' : 'hk-mo-tw-residence-permit',
      regionCode: region,
      regionKnown: regionName !== undefined,
      regionName,
      birthDate,
      sex: Number(number[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

export function isValidIdCard(text: unknown, options: IdCardOptions = {}): boolean {
  return validateIdCard(text, options).ok;
}

/**
 * For display and logs: first 3 and last 4 characters, the rest as `*` (370***********123X).
 * Anything shorter than 8 characters is masked completely.
 */
export function maskIdCard(text: string): string {
  const value = normalizeIdCardInput(text);
  if (value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
