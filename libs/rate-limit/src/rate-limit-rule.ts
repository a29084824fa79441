import type { Request } from 'express';

/** What a limit counts by: the client address, the account acted on, or both together. */
export type RateLimitKeyKind = 'ip' | 'account' | 'ip+account';

/** One limit: at most `points` requests per `durationSeconds` per key. */
export interface RateLimitRule {
  /** Names the counter in Redis, e.g. `case-lookup`, `token`, `otp-phone`. Rules sharing it share counts. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  by: RateLimitKeyKind;
  /** Once exhausted, refuse for this long instead of until the window ends. */
  blockSeconds?: number;
  /**
   * The account a request acts on (normalised: the same person must give the same value). Default:
   * the authenticated subject. A rule keyed by account does not apply when there is none.
   */
  account?: (req: Request) => string | undefined;
}

/** `account` extractor reading a string field of the (raw, not yet validated) JSON or form body. */
export function bodyField(
  field: string,
  normalize: (value: string) => string = (v) => v.trim().toLowerCase(),
): (req: Request) => string | undefined {
  return (req) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null) return undefined;
    const value = (body as Record<string, unknown>)[field];
    return typeof value === 'string' && value.trim() !== '' ? normalize(value) : undefined;
  };
}
