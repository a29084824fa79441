import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so `{a,b}` and `{b,a}` are the same request body. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

export interface RequestIdentity {
  method: string;
  /** Route template (e.g. `/portal/requests`) or the path without its query. */
  route: string;
  /** Token subject, or `anonymous` on public routes called without a token. */
  caller: string;
  body: unknown;
}

/** SHA-256 over route, caller and canonical body: what "the same request" means for a key. */
export function requestFingerprint(identity: RequestIdentity): string {
  return createHash('sha256')
    .update(
      `${identity.method.toUpperCase()}\n${identity.route}\n${identity.caller}\n${canonicalJson(identity.body)}`,
      'utf8',
    )
    .digest('hex');
}

/** Redis key for one caller's idempotency key (hashed: keys are caller-chosen text). */
export function idempotencyRedisKey(caller: string, key: string): string {
  return `idempotency:${createHash('sha256').update(`${caller}\n${key}`, 'utf8').digest('hex')}`;
}

/** Keys are opaque client-chosen strings (UUIDs recommended): 1-255 visible ASCII characters. */
export function isValidIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(key);
}
