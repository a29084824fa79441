import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A value could not be opened: no key for its kid, not a JWE, or tampered with. `reason` is for logs and dead letters. */
export class SealError extends Error {
  constructor(
    readonly reason: 'unknown-kid' | 'not-sealed' | 'not-a-recipient' | 'tampered' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

const KID = /^[A-Za-z0-9._-]{1,64}$/;
/** RFC 3394 default initial value (the one JWE's A256KW uses). */
const KW_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

const b64 = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export interface KeyringEntry {
  kid: string;
  key: Buffer;
}

/**
 * Key-encryption keys (KEKs) for envelope encryption, newest first: the first one seals, every one
 * opens. Each value gets its own random AES-256-GCM content key, wrapped with the current KEK
 * (AES Key Wrap, RFC 3394), and the KEK's id travels in the protected header: a JWE in compact
 * serialisation with `{"alg":"A256KW","enc":"A256GCM","kid":...}` (RFC 7516/7518), readable by any
 * JOSE library (`jose.compactDecrypt`). Rotation = put a new key first and keep the old ones:
 * history stays readable and can be re-sealed in the background, never all at once.
 *
 * Synchronous on purpose (node:crypto), so `PiiProtector.encrypt` stays a plain function call.
 */
export class Keyring {
  private readonly byKid: ReadonlyMap<string, Buffer>;
  readonly current: KeyringEntry;

  constructor(entries: KeyringEntry[]) {
    if (entries.length === 0) throw new Error('a keyring needs at least one key');
    const byKid = new Map<string, Buffer>();
    for (const { kid, key } of entries) {
      if (!KID.test(kid)) throw new Error(`keyring: kid "${kid}" must be 1-64 of A-Z a-z 0-9 . _ -`);
      if (key.length !== 32) throw new Error(`keyring: key ${kid} must be 32 bytes (base64 of 32 random bytes)`);
      if (byKid.has(kid)) throw new Error(`keyring: kid ${kid} appears twice`);
      byKid.set(kid, key);
    }
    this.byKid = byKid;
    this.current = entries[0]!;
  }

  /**
   * `kid:base64key,kid:base64key,...` (first = current; base64 or base64url of 32 bytes), or the
   * JSON form `[{"kid":"2026-12","k":"base64..."}, ...]` (also a JWKS `{"keys":[{"kty":"oct","kid","k"}]}`).
   */
  static parse(spec: string): Keyring {
    const text = spec.trim();
    if (text.startsWith('[') || text.startsWith('{')) {
      const parsed = JSON.parse(text) as { kid: string; k: string }[] | { keys: { kid: string; k: string }[] };
      const list = Array.isArray(parsed) ? parsed : parsed.keys;
      return new Keyring(list.map((e) => ({ kid: e.kid, key: Buffer.from(e.k, 'base64') })));
    }
    return new Keyring(
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
          const at = part.indexOf(':');
          if (at <= 0) throw new Error('keyring: expected kid:base64key[,kid:base64key...]');
          return { kid: part.slice(0, at), key: Buffer.from(part.slice(at + 1), 'base64') };
        }),
    );
  }

  /** A fresh `kid:base64key` entry to put in front of the list (see the rotation runbook). */
  static generateEntry(kid: string): string {
    if (!KID.test(kid)) throw new Error(`kid "${kid}" must be 1-64 of A-Z a-z 0-9 . _ -`);
    return `${kid}:${randomBytes(32).toString('base64')}`;
  }

  kids(): string[] {
    return [...this.byKid.keys()];
  }

  has(kid: string): boolean {
    return this.byKid.has(kid);
  }

  /** How every value sealed with the current key begins (its protected header and the dot): lets SQL find the others. */
  currentPrefix(): string {
    return `${b64(JSON.stringify({ alg: 'A256KW', enc: 'A256GCM', kid: this.current.kid }))}.`;
  }

  /** Compact JWE (A256KW + A256GCM, kid of the current KEK). */
  seal(plaintext: string): string {
    const header = b64(JSON.stringify({ alg: 'A256KW', enc: 'A256GCM', kid: this.current.kid }));
    const cek = randomBytes(32);
    const wrap = createCipheriv('id-aes256-wrap', this.current.key, KW_IV);
    const wrapped = Buffer.concat([wrap.update(cek), wrap.final()]);
    const iv = randomBytes(12);
    const gcm = createCipheriv('aes-256-gcm', cek, iv);
    gcm.setAAD(Buffer.from(header, 'ascii'));
    const body = Buffer.concat([gcm.update(plaintext, 'utf8'), gcm.final()]);
    return `${header}.${b64(wrapped)}.${b64(iv)}.${b64(body)}.${b64(gcm.getAuthTag())}`;
  }

  /** The kid of a compact JWE this keyring would open (undefined if it is not one). */
  static kidOf(jwe: string): string | undefined {
    try {
      const header = JSON.parse(Buffer.from(jwe.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
        kid?: unknown;
      };
      return typeof header.kid === 'string' ? header.kid : undefined;
    } catch {
      return undefined;
    }
  }

  open(jwe: string): string {
    const parts = jwe.split('.');
    if (parts.length !== 5) throw new SealError('not-sealed', 'not a compact JWE');
    const [headerB64, wrappedB64, ivB64, bodyB64, tagB64] = parts as [string, string, string, string, string];
    let header: { alg?: unknown; enc?: unknown; kid?: unknown; crit?: unknown };
    try {
      header = JSON.parse(Buffer.from(headerB64, 'base64url').toString('utf8')) as typeof header;
    } catch {
      throw new SealError('not-sealed', 'JWE protected header is not JSON');
    }
    if (header.alg !== 'A256KW' || header.enc !== 'A256GCM' || header.crit !== undefined) {
      throw new SealError('unsupported', `unsupported JWE (alg ${String(header.alg)}, enc ${String(header.enc)})`);
    }
    const kek = typeof header.kid === 'string' ? this.byKid.get(header.kid) : undefined;
    if (Buffer.from(tagB64, 'base64url').length !== 16)
      throw new SealError('tampered', 'JWE authentication tag must be 16 bytes: tampered or truncated');
    if (!kek)
      throw new SealError(
        'unknown-kid',
        `no key-encryption key for kid ${String(header.kid)} (keyring has ${this.kids().join(', ')})`,
      );
    try {
      const unwrap = createDecipheriv('id-aes256-wrap', kek, KW_IV);
      const cek = Buffer.concat([unwrap.update(Buffer.from(wrappedB64, 'base64url')), unwrap.final()]);
      const gcm = createDecipheriv('aes-256-gcm', cek, Buffer.from(ivB64, 'base64url'));
      gcm.setAAD(Buffer.from(headerB64, 'ascii'));
      gcm.setAuthTag(Buffer.from(tagB64, 'base64url'));
      return Buffer.concat([gcm.update(Buffer.from(bodyB64, 'base64url')), gcm.final()]).toString('utf8');
    } catch {
      throw new SealError('tampered', `JWE (kid ${String(header.kid)}) failed authentication: tampered or wrong key`);
    }
  }
}
