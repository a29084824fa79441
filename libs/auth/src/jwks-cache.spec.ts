import { Logger } from '@nestjs/common';
import { exportJWK, generateKeyPair, JWK } from 'jose';
import { JwksKeyCache, UnknownSigningKeyError } from './jwks-cache';

async function signingJwk(kid: string): Promise<JWK> {
  const { publicKey } = await generateKeyPair('ES256');
  return { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
}

/** A JWKS endpoint under the test's control: serves `keys`, or fails, or hangs. */
class FakeIssuer {
  keys: JWK[] = [];
  mode: 'up' | 'down' | 'hang' = 'up';
  calls = 0;

  readonly fetch = (async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    this.calls++;
    if (this.mode === 'down') throw new TypeError('fetch failed: ECONNREFUSED');
    if (this.mode === 'hang') {
      return new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    }
    return new Response(JSON.stringify({ keys: this.keys }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
}

describe('JwksKeyCache', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));
  let issuer: FakeIssuer;
  let clock: number;
  let cache: JwksKeyCache;
  let k1: JWK;
  let k2: JWK;

  beforeEach(async () => {
    issuer = new FakeIssuer();
    clock = 1_000_000;
    k1 = await signingJwk('k1');
    k2 = await signingJwk('k2');
    issuer.keys = [k1];
    cache = new JwksKeyCache({
      url: 'http://issuer.test/jwks',
      refreshAfterMs: 60_000,
      timeoutMs: 200,
      retiredKeyGraceMs: 600_000,
      unknownKidCooldownMs: 30_000,
      fetch: issuer.fetch,
      now: () => clock,
    });
  });

  const resolve = (kid: string): Promise<unknown> => cache.resolve({ alg: 'ES256', kid });

  it('fetches once on first use and then answers from the cache', async () => {
    await expect(resolve('k1')).resolves.toBeDefined();
    await expect(resolve('k1')).resolves.toBeDefined();
    expect(issuer.calls).toBe(1);
  });

  it('keeps the known keys while the issuer is down long past the cache lifetime, without waiting on it', async () => {
    await resolve('k1');
    issuer.mode = 'hang';
    clock += 3_600_000; // an hour: the set is long stale
    const started = Date.now();
    await expect(resolve('k1')).resolves.toBeDefined();
    expect(Date.now() - started).toBeLessThan(100); // the refresh runs in the background
    await cache.refresh(); // that refresh times out (200 ms) ...
    issuer.mode = 'down';
    clock += 3_600_000;
    await cache.refresh(); // ... and another one fails
    await expect(resolve('k1')).resolves.toBeDefined(); // nothing was dropped
    expect(cache.knownKids()).toEqual(['k1']);
  });

  it('refuses an unknown kid, fetching for it at most once per cooldown', async () => {
    await resolve('k1');
    issuer.mode = 'down';
    await expect(resolve('nope')).rejects.toBeInstanceOf(UnknownSigningKeyError);
    const calls = issuer.calls;
    await expect(resolve('nope')).rejects.toBeInstanceOf(UnknownSigningKeyError);
    expect(issuer.calls).toBe(calls); // within the cooldown: no second fetch
  });

  it('learns a key rotated in (unknown kid triggers a fetch)', async () => {
    await resolve('k1');
    issuer.keys = [k1, k2];
    await expect(resolve('k2')).resolves.toBeDefined();
  });

  it('drops a key only after a successful fetch stopped listing it and the grace period passed', async () => {
    await resolve('k1');
    issuer.keys = [k2];
    clock += 60_000;
    await cache.refresh(); // k1 retired now, still accepted
    await expect(resolve('k1')).resolves.toBeDefined();
    clock += 599_000;
    await expect(resolve('k1')).resolves.toBeDefined();
    clock += 1_000;
    expect(cache.knownKids()).toEqual(['k2']);
    issuer.mode = 'down';
    await expect(resolve('k1')).rejects.toBeInstanceOf(UnknownSigningKeyError);
  });

  it('keeps a retired key that the issuer lists again', async () => {
    await resolve('k1');
    issuer.keys = [k2];
    await cache.refresh();
    issuer.keys = [k1, k2];
    await cache.refresh();
    clock += 10 * 600_000;
    issuer.mode = 'down';
    await expect(resolve('k1')).resolves.toBeDefined();
  });

  it('while nothing is known and the issuer is unreachable, only one request per retry interval waits for it', async () => {
    issuer.mode = 'hang';
    await expect(resolve('k1')).rejects.toBeInstanceOf(UnknownSigningKeyError); // waited for the 200 ms timeout
    const calls = issuer.calls;
    const started = Date.now();
    await expect(resolve('k1')).rejects.toBeInstanceOf(UnknownSigningKeyError);
    expect(Date.now() - started).toBeLessThan(50);
    expect(issuer.calls).toBe(calls);
    issuer.mode = 'up';
    clock += 5_000; // min(refreshAfterMs, 5 s) later it tries again, and learns the keys
    await expect(resolve('k1')).resolves.toBeDefined();
  });

  it('an error answer is a failed fetch: no keys are invented', async () => {
    const broken = new JwksKeyCache({
      url: 'x',
      refreshAfterMs: 1,
      timeoutMs: 100,
      retiredKeyGraceMs: 0,
      unknownKidCooldownMs: 0,
      fetch: async () => new Response('oops', { status: 503 }),
    });
    await expect(broken.resolve({ alg: 'ES256', kid: 'k1' })).rejects.toBeInstanceOf(UnknownSigningKeyError);
  });
});
