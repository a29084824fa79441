import { failure, Result, success } from '../common/result';
import { foldInputText, stripSeparators } from '../common/input-text';
import { formatIsoDate, IsoDate, isIsoDate, parseIsoDate, shanghaiDateOf } from '../calendar/shanghai-date';
import { PureSystem, pureSystemCheckCharacter, pureSystemChecksum } from '../check-digit/iso7064-pure-system';
import { isProvincePrefix } from '../region/province-codes';

/**
 * 一案一码: `RRRRRR-YYYYMMDD-SSSSSS-C`, e.g. `370102-20261128-000120-F`.
 *
 * - RRRRRR: GB/T 2260 code of the issuing division (county, or city/province level for their centres).
 *   Only the province prefix is checked: division codes change (莱芜市 371200 was merged into Jinan in
 *   2019) and a code issued under an old division must stay valid for ever.
 * - YYYYMMDD: the Asia/Shanghai date on which the case was opened.
 * - SSSSSS: the per-region-per-day sequence, decimal, at least 6 digits; it widens to up to 9 digits
 *   after 999999 (a widened sequence never has a leading zero, so each case has exactly one code).
 * - C: ISO/IEC 7064 MOD 37-2 check character over the digits before it (separators are not part of
 *   the checked string). MOD 37-2 has 37 check values, so it needs 37 symbols: 0-9, A-Z and, for value
 *   36, `=` instead of ISO's `*`. `*` reads like masking in this system (`370***…`) and is a wildcard in
 *   search boxes; `=` is one unshifted key, survives URLs and CSV, and is said "等号" / "equals". The
 *   symbol for a value is presentation only: the arithmetic is exactly ISO MOD 37-2 (prime modulus),
 *   so every single substitution and every adjacent transposition is detected.
 *
 * Dashes separate groups a person reads as "six, eight, six, one"; input may omit them, use spaces or
 * full-width characters, and be lower case.
 */
export const CASE_CODE_CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ=';
export const CASE_CODE_SEQUENCE_MIN_WIDTH = 6;
export const CASE_CODE_SEQUENCE_MAX_WIDTH = 9;
export const CASE_CODE_MAX_SEQUENCE = 10 ** CASE_CODE_SEQUENCE_MAX_WIDTH - 1;
/** Canonical form, for OpenAPI `pattern` and database CHECK constraints. */
export const CASE_CODE_PATTERN = /^\d{6}-\d{8}-(?:\d{6}|[1-9]\d{6,8})-[0-9A-Z=]$/;

const CASE_CODE_SYSTEM: PureSystem = { alphabet: CASE_CODE_CHECK_ALPHABET, radix: 2 };
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
const COMPACT = /^(\d{6})(\d{8})(\d{6,9})([0-9A-Z=])$/;

export interface CaseCodeInput {
  /** Six-digit GB/T 2260 division code of the issuing office. */
  readonly region: string;
  /** The opening day: a Date (its Asia/Shanghai date is used) or a `YYYY-MM-DD` date. */
  readonly date: Date | IsoDate;
  /** Positive sequence number within region and day. */
  readonly sequence: number;
}

export interface CaseCode {
  readonly region: string;
  readonly date: IsoDate;
  readonly sequence: number;
  /** Canonical form with dashes and upper-case check character. */
  readonly code: string;
}

export type CaseCodeProblem =
  'empty' | 'bad-format' | 'check-mismatch' | 'unknown-province' | 'bad-date' | 'bad-sequence';

function compactDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}

function openingDate(date: Date | IsoDate): IsoDate {
  if (date instanceof Date) return shanghaiDateOf(date);
  if (isIsoDate(date)) return date;
  throw new RangeError(`case code date must be a Date or a real YYYY-MM-DD date, got '${String(date)}'`);
}

function yearInRange(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The check character for the digit body (region + date + sequence, no separators). */
export function caseCodeCheckCharacter(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError('the case code body is digits only');
  return pureSystemCheckCharacter(CASE_CODE_SYSTEM, digits);
}

/** Builds the canonical code; throws RangeError on values no case can have (a programming error). */
export function formatCaseCode(input: CaseCodeInput): string {
  const { region, sequence } = input;
  if (typeof region !== 'string' || !/^\d{6}$/.test(region) || !isProvincePrefix(region.slice(0, 2))) {
    throw new RangeError(`case code region must be a six-digit GB/T 2260 code, got '${String(region)}'`);
  }
  const date = openingDate(input.date);
  if (!yearInRange(date)) throw new RangeError(`case code year must be ${MIN_YEAR}-${MAX_YEAR}, got ${date}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > CASE_CODE_MAX_SEQUENCE) {
    throw new RangeError(`case code sequence must be an integer 1..${CASE_CODE_MAX_SEQUENCE}, got ${sequence}`);
  }
  const sequenceDigits = String(sequence).padStart(CASE_CODE_SEQUENCE_MIN_WIDTH, '0');
  const body = `${region}${compactDate(date)}${sequenceDigits}`;
  return `${region}-${compactDate(date)}-${sequenceDigits}-${caseCodeCheckCharacter(body)}`;
}

/** Reads a case code as typed or spoken back; tolerant of case, spaces, missing dashes and full-width input. */
export function parseCaseCode(text: unknown): Result<CaseCode, CaseCodeProblem> {
  if (typeof text !== 'string' || text.trim() === '') {
    return failure('empty', 'A case code is required.');
  }
  const compact = stripSeparators(foldInputText(text)).toUpperCase();
  const match = COMPACT.exec(compact);
  if (!match) {
    return failure(
      'bad-format',
      'A case code is 6 + 8 + 6 digits and one check character, like 370102-20261128-000120-F.',
    );
  }
  const [, region, dateDigits, sequenceDigits, check] = match;
  if (pureSystemChecksum(CASE_CODE_SYSTEM, compact) !== 1) {
    return failure('check-mismatch', 'The check character does not match: a character was probably mistyped.');
  }
  if (!isProvincePrefix(region.slice(0, 2))) {
    return failure('unknown-province', `${region} does not start with a GB/T 2260 province code.`);
  }
  const parts = parseIsoDate(`${dateDigits.slice(0, 4)}-${dateDigits.slice(4, 6)}-${dateDigits.slice(6, 8)}`);
  const date = parts ? formatIsoDate(parts) : undefined;
  if (date === undefined || !yearInRange(date)) {
    return failure('bad-date', `${dateDigits} is not a real date (YYYYMMDD).`);
  }
  const sequence = Number(sequenceDigits);
  const canonicalWidth = sequenceDigits.length === CASE_CODE_SEQUENCE_MIN_WIDTH || sequenceDigits[0] !== '0';
  if (sequence < 1 || !canonicalWidth) {
    return failure('bad-sequence', `${sequenceDigits} is not a sequence this system issues.`);
  }
  return success({ region, date, sequence, code: `${region}-${dateDigits}-${sequenceDigits}-${check}` });
}

export function isValidCaseCode(text: unknown): boolean {
  return parseCaseCode(text).ok;
}

/** The canonical form of a code typed loosely, or undefined when it is not a valid case code. */
export function normalizeCaseCode(text: unknown): string | undefined {
  const parsed = parseCaseCode(text);
  return parsed.ok ? parsed.value.code : undefined;
}
