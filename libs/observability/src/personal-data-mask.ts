/**
 * Masks personal data before it reaches a log line. Two nets:
 *  - keys named like ID-card numbers, phone numbers or credentials have their values masked;
 *  - any string that looks like an 18-digit ID-card number or a mainland mobile number is masked
 *    wherever it appears (free-text descriptions, error messages, URLs).
 */
const SENSITIVE_KEY =
  /(id_?card|idcard|id_?number|identity_?number|citizen_?id|phone|mobile|telephone|tel$|caller_?number|password|secret|authorization|cookie|otp|refresh_?token|access_?token|access[_-]?code)/i;
const ID_CARD_PATTERN = /(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE_PATTERN = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const MAX_DEPTH = 8;

export function maskSensitiveText(text: string): string {
  return text
    .replace(ID_CARD_PATTERN, (_m, head: string) => `${head.slice(0, 3)}***************`.slice(0, 18))
    .replace(MOBILE_PATTERN, (_m, head: string, _mid: string, tail: string) => `${head}****${tail}`);
}

function maskValue(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string')
    return value.length <= 4 ? '****' : `${'*'.repeat(Math.min(value.length - 4, 12))}${value.slice(-2)}`;
  return '[masked]';
}

export function maskPersonalData(input: unknown, depth = 0): unknown {
  if (typeof input === 'string') return maskSensitiveText(input);
  if (input === null || typeof input !== 'object' || depth > MAX_DEPTH) return input;
  if (input instanceof Date || Buffer.isBuffer(input)) return input;
  if (Array.isArray(input)) return input.map((item) => maskPersonalData(item, depth + 1));
  if (input instanceof Error) {
    return {
      type: input.name,
      message: maskSensitiveText(input.message),
      stack: input.stack ? maskSensitiveText(input.stack) : undefined,
    };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    out[key] = SENSITIVE_KEY.test(key) ? maskValue(value) : maskPersonalData(value, depth + 1);
  }
  return out;
}
