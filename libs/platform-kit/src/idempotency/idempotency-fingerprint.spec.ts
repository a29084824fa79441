import {
  canonicalJson,
  idempotencyRedisKey,
  isValidIdempotencyKey,
  requestFingerprint,
} from './idempotency-fingerprint';

describe('idempotency fingerprint', () => {
  const base = {
    method: 'POST',
    route: '/portal/requests',
    caller: 'user-1',
    body: { a: 1, b: { c: [1, 2], d: 'x' } },
  };

  it('treats the same body with keys in another order as the same request', () => {
    expect(canonicalJson({ b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(canonicalJson(base.body));
    expect(requestFingerprint({ ...base, body: { b: { d: 'x', c: [1, 2] }, a: 1 } })).toBe(requestFingerprint(base));
  });

  it('distinguishes a different body, route, caller or array order', () => {
    const fp = requestFingerprint(base);
    expect(requestFingerprint({ ...base, body: { ...base.body, a: 2 } })).not.toBe(fp);
    expect(requestFingerprint({ ...base, route: '/portal/complaints' })).not.toBe(fp);
    expect(requestFingerprint({ ...base, caller: 'user-2' })).not.toBe(fp);
    expect(requestFingerprint({ ...base, body: { a: 1, b: { c: [2, 1], d: 'x' } } })).not.toBe(fp);
  });

  it('scopes Redis keys by caller and hides the raw key', () => {
    expect(idempotencyRedisKey('u1', 'k')).not.toBe(idempotencyRedisKey('u2', 'k'));
    expect(idempotencyRedisKey('u1', 'secret-key')).not.toContain('secret-key');
  });

  it('accepts visible ASCII keys up to 255 characters only', () => {
    expect(isValidIdempotencyKey('9b2f3c1e-7a1d-4c55-8f0e-2d5c1a3b4e6f')).toBe(true);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('has space')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(256))).toBe(false);
  });
});
