import { normalizeCaseCode } from '@legal/domain';
import type { RateLimitRule } from '@legal/rate-limit';
import type { Request } from 'express';

/**
 * Limits of every route that checks a case code's secret (tracking, evaluation, complaint). They
 * count per source only — one bucket per (case code, source address) and one per source across all
 * codes — never per case code alone: a stranger's wrong guesses must not lock the owner out of their
 * own case (with a 10-character access code the limits are a backstop, not the protection).
 */
export function secretCheckLimits(account: (req: Request) => string | undefined): RateLimitRule[] {
  return [
    { keyPrefix: 'portal-secret-ip', points: 300, durationSeconds: 3600, by: 'ip' },
    { keyPrefix: 'portal-secret-case-ip', points: 30, durationSeconds: 3600, by: 'ip+account', account },
  ];
}

/** Rate-limit account of a route with a `:caseCode` parameter: the normalised code (guessing is counted per case). */
export function caseCodeParam(req: Request): string | undefined {
  const raw = (req.params as Record<string, string | undefined>).caseCode;
  return raw ? (normalizeCaseCode(raw) ?? raw.trim().toUpperCase()) : undefined;
}

/** The same for a `caseCode`-like field of the raw body. */
export function caseCodeField(field: string): (req: Request) => string | undefined {
  return (req) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null) return undefined;
    const raw = (body as Record<string, unknown>)[field];
    return typeof raw === 'string' && raw.trim() !== ''
      ? (normalizeCaseCode(raw) ?? raw.trim().toUpperCase())
      : undefined;
  };
}
