import type { GeneralJWE } from 'jose';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { SealError } from './keyring';
import { JWE_ALG, JWE_ENC, openJwe, sealJwe } from './transit-jwe';

/** The published development value of PII_TRANSIT_KEYS and PII_TRANSIT_DIRECTORY: keys derived from service names. */
export const DEVELOPMENT_TRANSIT_KEYS = 'development';

const KID = /^[A-Za-z0-9._-]{1,64}$/;
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');
export const TRANSIT_ALG = JWE_ALG;
export const TRANSIT_ENC = JWE_ENC;

function privateKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('an X25519 private key is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_X25519, raw]), format: 'der', type: 'pkcs8' });
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('an X25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });
}

function rawPublic(key: KeyObject): string {
  const jwk = (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'jwk' }) as { x: string };
  return jwk.x;
}

function developmentPrivateKey(service: string): Buffer {
  return createHash('sha256').update(`legal-development-transit-key:${service}`).digest();
}

function splitEntry(entry: string, what: string): { kid: string; raw: Buffer } {
  const at = entry.indexOf(':');
  const kid = at > 0 ? entry.slice(0, at) : '';
  if (!KID.test(kid)) throw new Error(`${what}: expected kid:base64url-key (kid of A-Z a-z 0-9 . _ -)`);
  return { kid, raw: Buffer.from(entry.slice(at + 1), 'base64url') };
}

/** A service's current public key as publishers address it. */
export interface TransitRecipient {
  service: string;
  kid: string;
  key: KeyObject;
}

/**
 * Public keys of every service (and partner) that receives sealed event fields: the current key of
 * each, which publishers seal to. Not secret. `PII_TRANSIT_DIRECTORY` is JSON
 * `{"legal-aid":"kid:base64url-x25519-public", ...}`; `development` derives every service's key
 * from its name (anyone can, so production refuses it).
 */
export class TransitDirectory {
  private readonly entries = new Map<string, TransitRecipient>();

  private constructor(private readonly development: boolean) {}

  static parse(spec: string): TransitDirectory {
    if (spec.trim() === DEVELOPMENT_TRANSIT_KEYS) return new TransitDirectory(true);
    const directory = new TransitDirectory(false);
    const parsed = JSON.parse(spec) as Record<string, string>;
    for (const [service, entry] of Object.entries(parsed)) {
      const { kid, raw } = splitEntry(entry, `PII_TRANSIT_DIRECTORY[${service}]`);
      directory.entries.set(service, { service, kid, key: publicKeyFromRaw(raw) });
    }
    return directory;
  }

  static development(): TransitDirectory {
    return new TransitDirectory(true);
  }

  /** The entry of `service` if the directory lists it (development: derived), else undefined. */
  find(service: string): TransitRecipient | undefined {
    try {
      return this.recipient(service);
    } catch {
      return undefined;
    }
  }

  recipient(service: string): TransitRecipient {
    let found = this.entries.get(service);
    if (!found && this.development) {
      found = { service, kid: 'dev', key: createPublicKey(privateKeyFromRaw(developmentPrivateKey(service))) };
      this.entries.set(service, found);
    }
    if (!found) throw new Error(`no transit public key for ${service} in PII_TRANSIT_DIRECTORY`);
    return found;
  }
}

/** The JWE General JSON serialisation a sealed field holds on the wire (RFC 7516 §7.2.1). */
export type SealedJwe = GeneralJWE;

/**
 * Seals values for named recipients and opens values sealed for this service.
 *
 * Format: JWE General JSON, `enc` A256GCM in the protected header (with `cty: application/json`),
 * one recipient per reading service with `alg` ECDH-ES+A256KW over X25519 and `kid`
 * `<service>/<key id>` in its header. One content key per value, wrapped separately for each
 * recipient; a service holds only its own private keys (`PII_TRANSIT_KEYS`, newest first: the first
 * is the one published in the directory, the others still open values sealed before a rotation).
 */
export class TransitSealer {
  private readonly privateKeys: ReadonlyMap<string, KeyObject>;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  constructor(
    readonly service: string,
    privateKeys: Map<string, KeyObject>,
    readonly directory: TransitDirectory,
  ) {
    this.privateKeys = privateKeys;
  }

  /**
   * `keys`: `kid:base64url-x25519-private,...` (first = current) or `development`;
   * `directory`: see TransitDirectory.
   */
  static fromConfig(service: string, keys: string, directory: string): TransitSealer {
    const own = new Map<string, KeyObject>();
    if (keys.trim() === DEVELOPMENT_TRANSIT_KEYS) {
      own.set('dev', privateKeyFromRaw(developmentPrivateKey(service)));
    } else {
      for (const entry of keys
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean)) {
        const { kid, raw } = splitEntry(entry, 'PII_TRANSIT_KEYS');
        if (own.has(kid)) throw new Error(`PII_TRANSIT_KEYS: kid ${kid} appears twice`);
        own.set(kid, privateKeyFromRaw(raw));
      }
      if (own.size === 0) throw new Error('PII_TRANSIT_KEYS: no key');
    }
    const sealer = new TransitSealer(service, own, TransitDirectory.parse(directory));
    sealer.assertDirectoryMatchesOwnKeys();
    return sealer;
  }

  /** Development keys (derived from service names; tests, fixtures, benchmarks). */
  static development(service: string): TransitSealer {
    return TransitSealer.fromConfig(service, DEVELOPMENT_TRANSIT_KEYS, DEVELOPMENT_TRANSIT_KEYS);
  }

  /** A new key pair: the private entry for the service's PII_TRANSIT_KEYS, the public one for the directory. */
  static generateKeyPair(kid: string): { privateEntry: string; publicEntry: string } {
    if (!KID.test(kid)) throw new Error(`kid "${kid}" must be 1-64 of A-Z a-z 0-9 . _ -`);
    const { privateKey } = generateKeyPairSync('x25519');
    const d = (privateKey.export({ format: 'jwk' }) as { d: string }).d;
    return { privateEntry: `${kid}:${d}`, publicEntry: `${kid}:${rawPublic(privateKey)}` };
  }

  /**
   * Fails fast when the directory publishes, for this service, a key it does not hold (a kid missing
   * from PII_TRANSIT_KEYS, or another public key under that kid): every event sealed for it would be
   * dead-lettered as unsealable. A service the directory does not list is not checked.
   */
  assertDirectoryMatchesOwnKeys(): void {
    const listed = this.directory.find(this.service);
    if (!listed) return;
    const own = this.privateKeys.get(listed.kid);
    if (!own) {
      throw new Error(
        `PII_TRANSIT_DIRECTORY lists ${this.service} with kid ${listed.kid}, which PII_TRANSIT_KEYS does not hold (it holds ${[...this.privateKeys.keys()].join(', ')})`,
      );
    }
    if (rawPublic(own) !== rawPublic(listed.key)) {
      throw new Error(
        `PII_TRANSIT_DIRECTORY's public key for ${this.service} (kid ${listed.kid}) does not belong to the private key of that kid in PII_TRANSIT_KEYS`,
      );
    }
  }

  /** The public entry (`kid:x`) of this service's current key, as the directory should list it. */
  currentPublicEntry(): string {
    const [kid, key] = [...this.privateKeys.entries()][0]!;
    return `${kid}:${rawPublic(key)}`;
  }

  async seal(value: unknown, recipients: readonly string[]): Promise<SealedJwe> {
    if (recipients.length === 0) throw new Error('sealing needs at least one recipient');
    return sealJwe(
      this.encoder.encode(JSON.stringify(value)),
      { enc: TRANSIT_ENC, cty: 'application/json' },
      recipients.map((service) => {
        const recipient = this.directory.recipient(service);
        return { kid: `${service}/${recipient.kid}`, key: recipient.key };
      }),
    );
  }

  /** Opens a value sealed for this service; SealError says why not (no recipient entry, unknown kid, tampered). */
  async open(sealed: unknown): Promise<unknown> {
    const jwe = sealed as Partial<GeneralJWE> | null;
    if (
      !jwe ||
      typeof jwe !== 'object' ||
      !Array.isArray(jwe.recipients) ||
      typeof jwe.ciphertext !== 'string' ||
      typeof jwe.protected !== 'string'
    ) {
      throw new SealError('not-sealed', 'expected a JWE in General JSON serialisation');
    }
    const mine = jwe.recipients.filter(
      (r) => typeof r?.header?.kid === 'string' && r.header.kid.startsWith(`${this.service}/`),
    );
    if (mine.length === 0) {
      const kids = jwe.recipients.map((r) => String(r?.header?.kid)).join(', ');
      throw new SealError('not-a-recipient', `sealed for ${kids || 'nobody'}, not for ${this.service}`);
    }
    const usable = mine.find((r) => this.privateKeys.has(r.header!.kid!.slice(this.service.length + 1)));
    if (!usable) {
      throw new SealError(
        'unknown-kid',
        `no private key for kid ${mine.map((r) => r.header!.kid).join(', ')} (this service holds ${[...this.privateKeys.keys()].map((k) => `${this.service}/${k}`).join(', ')})`,
      );
    }
    const key = this.privateKeys.get(usable.header!.kid!.slice(this.service.length + 1))!;
    let plaintext: Uint8Array;
    try {
      plaintext = openJwe(jwe as GeneralJWE, usable, key);
    } catch (e) {
      throw new SealError(
        'tampered',
        `sealed value (kid ${usable.header!.kid}) cannot be opened: ${(e as Error).message}`,
      );
    }
    try {
      return JSON.parse(this.decoder.decode(plaintext)) as unknown;
    } catch {
      throw new SealError('not-sealed', 'sealed value is not JSON');
    }
  }
}
