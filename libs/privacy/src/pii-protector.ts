import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { Keyring, SealError } from './keyring';

const LEGACY = 'v1';

/**
 * Protects ID-card and phone numbers (and addresses, names) at rest:
 *  - `hash`: keyed HMAC-SHA256 (hex) for matching (dedupe, "my requests", caller history) without
 *    storing the number; the same key in every service makes hashes comparable across services
 *    (never given to partners);
 *  - `encrypt`/`decrypt`: envelope encryption with the service's keyring (PII_KEYRING): a compact
 *    JWE per value (A256KW + A256GCM, `kid` of the wrapping key in the header), see `Keyring`.
 *    `decrypt` still reads the legacy `v1.iv.tag.body` values (one AES-256-GCM key, PII_ENCRYPTION_KEY)
 *    that older rows hold; `needsReseal`/`reseal` move them (and values of retired kids) to the current key.
 * Callers normalise the value first (see @legal/domain's normalizers).
 */
export class PiiProtector {
  private readonly hashKey: Buffer;
  private readonly legacyKey: Buffer | undefined;
  readonly keyring: Keyring;

  /**
   * @param legacyEncryptionKeyHex the former single key (64 hex chars), only to read `v1.` values; undefined once none are left
   * @param keyring a Keyring or its `kid:base64key,...` specification (first = current)
   */
  constructor(hashKey: string, legacyEncryptionKeyHex: string | undefined, keyring: Keyring | string) {
    this.hashKey = Buffer.from(hashKey, 'utf8');
    this.legacyKey = legacyEncryptionKeyHex ? Buffer.from(legacyEncryptionKeyHex, 'hex') : undefined;
    if (this.legacyKey && this.legacyKey.length !== 32) throw new Error('PII legacy encryption key must be 32 bytes');
    this.keyring = typeof keyring === 'string' ? Keyring.parse(keyring) : keyring;
  }

  hash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value, 'utf8').digest('hex');
  }

  /** A compact JWE sealed with the current key. */
  encrypt(value: string): string {
    return this.keyring.seal(value);
  }

  /** Opens a JWE of any key in the ring, or a legacy `v1.` value; throws SealError otherwise. */
  decrypt(sealed: string): string {
    return sealed.startsWith(`${LEGACY}.`) ? this.decryptLegacy(sealed) : this.keyring.open(sealed);
  }

  /** True for legacy values and values sealed with a key other than the current one. */
  needsReseal(sealed: string): boolean {
    return sealed.startsWith(`${LEGACY}.`) || Keyring.kidOf(sealed) !== this.keyring.current.kid;
  }

  /** The same value sealed with the current key (unchanged if it already is). */
  reseal(sealed: string): string {
    return this.needsReseal(sealed) ? this.encrypt(this.decrypt(sealed)) : sealed;
  }

  private decryptLegacy(sealed: string): string {
    const [, iv, tag, body] = sealed.split('.');
    if (!iv || !tag || body === undefined) throw new SealError('not-sealed', 'not a sealed PII value');
    if (!this.legacyKey)
      throw new SealError('unknown-kid', 'legacy v1 value but no legacy key (PII_ENCRYPTION_KEY) configured');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.legacyKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SealError('tampered', 'legacy v1 value failed authentication: tampered or wrong key');
    }
  }

  /** Writes a legacy `v1.` value (tests and migrations of old data only). */
  static legacyEncrypt(value: string, keyHex: string, iv: Buffer): string {
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return [
      LEGACY,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }
}
