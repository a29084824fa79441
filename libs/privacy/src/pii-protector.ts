import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Protects ID-card and phone numbers at rest:
 *  - `hash`: keyed HMAC-SHA256 (hex) for matching (dedupe, "my requests", caller history) without
 *    storing the number; the same key in every service makes hashes comparable across services;
 *  - `encrypt`/`decrypt`: AES-256-GCM for the few places that must show or call the number.
 * Callers normalise the value first (see @legal/domain's normalizers).
 */
export class PiiProtector {
  private readonly hashKey: Buffer;
  private readonly encryptionKey: Buffer;

  constructor(hashKey: string, encryptionKeyHex: string) {
    this.hashKey = Buffer.from(hashKey, 'utf8');
    this.encryptionKey = Buffer.from(encryptionKeyHex, 'hex');
    if (this.encryptionKey.length !== 32) throw new Error('PII encryption key must be 32 bytes');
  }

  hash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value, 'utf8').digest('hex');
  }

  encrypt(value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed PII value');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
