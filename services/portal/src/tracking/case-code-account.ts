import { normalizeCaseCode } from '@legal/domain';
import type { Request } from 'express';

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
    return typeof raw === 'string' && raw.trim() !== '' ? (normalizeCaseCode(raw) ?? raw.trim().toUpperCase()) : undefined;
  };
}
