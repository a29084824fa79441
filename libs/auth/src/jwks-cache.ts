import { Logger } from '@nestjs/common';
import { importJWK, JWK, JWTHeaderParameters, CryptoKey } from 'jose';

export interface JwksCacheSettings {
  /** Where the issuer publishes its signing keys. */
  url: string;
  /** After a successful fetch, the set is refreshed (in the background) once this much time has passed. */
  refreshAfterMs: number;
  /** One fetch is given up after this long. */
  timeoutMs: number;
  /**
   * A key the issuer stopped publishing is still accepted this long after the first successful fetch
   * without it (tokens it signed may still be valid). 0 drops it at that fetch.
   */
  retiredKeyGraceMs: number;
  /** Minimum time between two fetches caused by a token with an unknown `kid`. */
  unknownKidCooldownMs: number;
  /** After a failed fetch, the next background attempt waits at least this long (default min(refreshAfterMs, 5 s)). */
  retryAfterFailureMs?: number;
  /** For tests. */
  fetch?: typeof fetch;
  now?: () => number;
}

/** The key of a token header is not (or no longer) among the issuer's keys. */
export class UnknownSigningKeyError extends Error {
  constructor(kid: string | undefined) {
    super(`no known signing key ${kid === undefined ? 'for a token without kid' : `with kid ${kid}`}`);
    this.name = 'UnknownSigningKeyError';
  }
}

interface KnownKey {
  key: CryptoKey;
  /** When a successful fetch first no longer listed it (undefined while it is published). */
  retiredAt?: number;
}

/** Only ES256 signing keys are of use to the verifier. */
function isSigningKey(jwk: JWK): boolean {
  return (
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    (jwk.alg === undefined || jwk.alg === 'ES256') &&
    (jwk.use === undefined || jwk.use === 'sig')
  );
}

/**
 * The issuer's signing keys, kept through issuer outages. Verification never waits on the network
 * for a key it already knows: once the set is older than `refreshAfterMs` it is refreshed in the
 * background while the known keys keep answering. Only a token with an unknown `kid` (a key rotated in
 * since the last fetch) waits for one fetch, bounded by `timeoutMs` and at most once per cooldown. A
 * key is dropped only when a successful fetch no longer lists it, and then after `retiredKeyGraceMs`.
 * A failed fetch changes nothing.
 */
export class JwksKeyCache {
  private readonly logger = new Logger(JwksKeyCache.name);
  private readonly keys = new Map<string, KnownKey>();
  private lastSuccessAt: number | undefined;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private lastUnknownKidFetchAt = Number.NEGATIVE_INFINITY;
  private failing = false;
  private inFlight: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly fetcher: typeof fetch;

  constructor(private readonly settings: JwksCacheSettings) {
    this.now = settings.now ?? Date.now;
    this.fetcher = settings.fetch ?? ((...args) => fetch(...args));
  }

  /** The verification key for a token header; throws UnknownSigningKeyError when there is none. */
  async resolve(header: JWTHeaderParameters): Promise<CryptoKey> {
    const sinceAttempt = this.now() - this.lastAttemptAt;
    if (this.lastSuccessAt === undefined && this.keys.size === 0) {
      // Nothing known yet (just started): a token waits for one bounded fetch, unless one just failed
      // (then it is refused at once instead of every request waiting on an unreachable issuer).
      if (this.inFlight || sinceAttempt >= this.retryAfterFailureMs()) await this.refresh();
      if (this.keys.size === 0) throw new UnknownSigningKeyError(header.kid);
    } else if (this.isStale() && sinceAttempt >= this.retryAfterFailureMs()) {
      void this.refresh();
    }
    let found = this.find(header.kid);
    if (!found && this.now() - this.lastUnknownKidFetchAt >= this.settings.unknownKidCooldownMs) {
      this.lastUnknownKidFetchAt = this.now();
      await this.refresh();
      found = this.find(header.kid);
    }
    if (!found) throw new UnknownSigningKeyError(header.kid);
    return found;
  }

  /** Kids currently accepted (published ones and retired ones still in their grace period). */
  knownKids(): string[] {
    this.dropExpired();
    return [...this.keys.keys()];
  }

  /** Fetches the set once (shared by concurrent callers); never throws. */
  refresh(): Promise<void> {
    this.inFlight ??= this.fetchAndMerge().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private isStale(): boolean {
    return this.lastSuccessAt === undefined || this.now() - this.lastSuccessAt >= this.settings.refreshAfterMs;
  }

  private retryAfterFailureMs(): number {
    return this.settings.retryAfterFailureMs ?? Math.min(this.settings.refreshAfterMs, 5000);
  }

  private find(kid: string | undefined): CryptoKey | undefined {
    this.dropExpired();
    if (kid !== undefined) return this.keys.get(kid)?.key;
    // A token without kid is accepted only when exactly one key is published.
    const published = [...this.keys.values()].filter((k) => k.retiredAt === undefined);
    return published.length === 1 ? published[0]!.key : undefined;
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [kid, known] of this.keys) {
      if (known.retiredAt !== undefined && now - known.retiredAt >= this.settings.retiredKeyGraceMs) {
        this.keys.delete(kid);
        this.logger.log({ kid }, 'signing key dropped: no longer published by the issuer and its grace period is over');
      }
    }
  }

  private async fetchAndMerge(): Promise<void> {
    this.lastAttemptAt = this.now();
    let listed: Map<string, CryptoKey>;
    try {
      listed = await this.download();
    } catch (err) {
      if (!this.failing) {
        this.logger.warn(
          { err: err instanceof Error ? err.message : String(err), url: this.settings.url, knownKeys: this.keys.size },
          'JWKS fetch failed; verifying with the keys already known',
        );
      }
      this.failing = true;
      return;
    }
    if (this.failing) this.logger.log({ url: this.settings.url, keys: listed.size }, 'JWKS fetched again');
    this.failing = false;
    const now = this.now();
    this.lastSuccessAt = now;
    for (const [kid, key] of listed) this.keys.set(kid, { key });
    for (const [kid, known] of this.keys) if (!listed.has(kid) && known.retiredAt === undefined) known.retiredAt = now;
    this.dropExpired();
  }

  private async download(): Promise<Map<string, CryptoKey>> {
    const res = await this.fetcher(this.settings.url, {
      signal: AbortSignal.timeout(this.settings.timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`JWKS answered ${res.status}`);
    const body = (await res.json()) as { keys?: unknown };
    if (!Array.isArray(body.keys)) throw new Error('JWKS response has no keys array');
    const listed = new Map<string, CryptoKey>();
    for (const jwk of body.keys as JWK[]) {
      if (typeof jwk !== 'object' || jwk === null || typeof jwk.kid !== 'string' || !isSigningKey(jwk)) continue;
      try {
        listed.set(jwk.kid, (await importJWK(jwk, 'ES256')) as CryptoKey);
      } catch {
        // An unreadable key is skipped, the others still count.
      }
    }
    return listed;
  }
}
