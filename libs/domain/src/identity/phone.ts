import { foldInputText } from '../common/input-text';
import { failure, Result, success } from '../common/result';

/**
 * Mainland China telephone numbers as citizens give them: mobiles (1[3-9] + 9 digits) and landlines
 * with their long-distance area code (010 and 02x are three digits, all others four; subscriber
 * numbers are 7 or 8 digits and do not start with 0 or 1, since local numbers beginning with 1 are
 * special services such as 110 or 12348). A +86 / 0086 / 86 country prefix, spaces, dashes, dots and
 * brackets are accepted; for landlines after +86 the trunk 0 may be missing. Extensions are not.
 */
export type PhoneKind = 'mobile' | 'landline';

export interface ChinesePhone {
  readonly kind: PhoneKind;
  /** `13812345678` for mobiles, `0531-82345678` for landlines. */
  readonly normalized: string;
  /** E.164, for SMS and telephony gateways: +8613812345678, +8653182345678. */
  readonly e164: string;
  /** Landlines only: `0531`. */
  readonly areaCode: string | undefined;
}

export type PhoneProblem = 'empty' | 'bad-characters' | 'not-a-phone-number' | 'missing-area-code';

const MOBILE = /^1[3-9]\d{9}$/;
const SUBSCRIBER = /^[2-9]\d{6,7}$/;

function landline(nationalDigits: string): ChinesePhone | undefined {
  const areaLength = /^0(10|2\d)/.test(nationalDigits) ? 3 : 4;
  const areaCode = nationalDigits.slice(0, areaLength);
  const subscriber = nationalDigits.slice(areaLength);
  const areaShape = areaLength === 3 ? /^0(10|2\d)$/ : /^0[3-9]\d\d$/;
  if (!areaShape.test(areaCode) || !SUBSCRIBER.test(subscriber)) return undefined;
  return {
    kind: 'landline',
    normalized: `${areaCode}-${subscriber}`,
    e164: `+86${areaCode.slice(1)}${subscriber}`,
    areaCode,
  };
}

export function parseChinesePhone(text: unknown): Result<ChinesePhone, PhoneProblem> {
  if (typeof text !== 'string' || text.trim() === '') return failure('empty', 'A telephone number is required.');
  const compact = foldInputText(text).replace(/[\s\-\u2010-\u2015\u2212().]/g, '');
  if (!/^\+?\d+$/.test(compact)) {
    return failure('bad-characters', 'A telephone number contains only digits, an optional +86, spaces and dashes.');
  }
  let national = compact.replace(/^\+/, '');
  const international = compact.startsWith('+') || /^(0086|86)\d{9,}$/.test(national);
  if (international) {
    if (!/^(0086|86)/.test(national)) {
      return failure('not-a-phone-number', 'Only mainland China (+86) numbers are accepted.');
    }
    national = national.replace(/^(0086|86)/, '');
    if (!national.startsWith('0') && !MOBILE.test(national)) national = `0${national}`;
  }
  if (MOBILE.test(national)) {
    return success({ kind: 'mobile', normalized: national, e164: `+86${national}`, areaCode: undefined });
  }
  const fixed = national.startsWith('0') ? landline(national) : undefined;
  if (fixed) return success(fixed);
  if (SUBSCRIBER.test(national)) {
    return failure('missing-area-code', 'A landline number needs its area code, e.g. 0531-82345678.');
  }
  return failure('not-a-phone-number', 'Not a mainland mobile (1xx xxxx xxxx) or landline (0531-82345678) number.');
}

export function isValidChinesePhone(text: unknown): boolean {
  return parseChinesePhone(text).ok;
}

/** The normalized form, or undefined when the text is not a valid number. */
export function normalizeChinesePhone(text: unknown): string | undefined {
  const parsed = parseChinesePhone(text);
  return parsed.ok ? parsed.value.normalized : undefined;
}

/**
 * For display and logs: mobiles keep the first 3 and last 4 digits (138****5678), landlines keep the
 * area code and last 4 (0531-****5678). Text that is not a valid number is masked completely.
 */
export function maskPhone(text: string): string {
  const parsed = parseChinesePhone(text);
  if (!parsed.ok) return '*'.repeat(Math.max(4, text.replace(/\D/g, '').length));
  const { kind, normalized, areaCode } = parsed.value;
  if (kind === 'mobile') return `${normalized.slice(0, 3)}****${normalized.slice(-4)}`;
  const subscriber = normalized.slice((areaCode ?? '').length + 1);
  return `${areaCode}-${'*'.repeat(subscriber.length - 4)}${subscriber.slice(-4)}`;
}

/** Last four digits of a valid number (what a hotline agent asks a caller to confirm), else undefined. */
export function phoneLastFour(text: string): string | undefined {
  const parsed = parseChinesePhone(text);
  return parsed.ok ? parsed.value.normalized.slice(-4) : undefined;
}
