import { ISO7064_MOD_11_2, pureSystemCheckCharacter, pureSystemVerify } from '@legal/domain';

/**
 * The code of an appraisal opinion (鉴定意见书赋码): `JD-<institution>-<year>-<serial>-<check>`, e.g.
 * `JD-370102001-2026-000123-7`. The institution code is its 9-digit licence code, the serial counts the
 * institution's opinions of the year, and the check character is ISO/IEC 7064 MOD 11-2 over the 19 digits
 * institution + year + serial (0-9 or X), which catches every single wrong digit and every swap of two
 * neighbouring digits. Pure: the service keeps the counter and the issued codes.
 */
export const OPINION_CODE_PREFIX = 'JD';
export const OPINION_CODE_PATTERN = /^JD-(\d{9})-(\d{4})-(\d{6})-([0-9X])$/;
export const MAX_OPINION_SERIAL = 999_999;

export interface OpinionCodeParts {
  institutionCode: string;
  year: number;
  serial: number;
}

export function opinionCodeBody(parts: OpinionCodeParts): string {
  const { institutionCode, year, serial } = parts;
  if (!/^\d{9}$/.test(institutionCode)) {
    throw new RangeError(`institution code must be 9 digits, got '${institutionCode}'`);
  }
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new RangeError(`year must be 2000..9999, got ${year}`);
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_OPINION_SERIAL) {
    throw new RangeError(`serial must be 1..${MAX_OPINION_SERIAL}, got ${serial}`);
  }
  return `${institutionCode}${year}${String(serial).padStart(6, '0')}`;
}

export function formatOpinionCode(parts: OpinionCodeParts): string {
  const body = opinionCodeBody(parts);
  const check = pureSystemCheckCharacter(ISO7064_MOD_11_2, body);
  return `${OPINION_CODE_PREFIX}-${body.slice(0, 9)}-${body.slice(9, 13)}-${body.slice(13)}-${check}`;
}

export type OpinionCodeCheck =
  { ok: true; code: string; parts: OpinionCodeParts } | { ok: false; problem: 'malformed' | 'check-character' };

/** Parses and verifies a code as typed by anyone (surrounding spaces and a lower-case x tolerated). */
export function checkOpinionCode(text: string): OpinionCodeCheck {
  const code = text.trim().toUpperCase();
  const match = OPINION_CODE_PATTERN.exec(code);
  if (!match) return { ok: false, problem: 'malformed' };
  const [, institutionCode = '', year = '', serial = '', check = ''] = match;
  if (!pureSystemVerify(ISO7064_MOD_11_2, `${institutionCode}${year}${serial}${check}`)) {
    return { ok: false, problem: 'check-character' };
  }
  return { ok: true, code, parts: { institutionCode, year: Number(year), serial: Number(serial) } };
}
