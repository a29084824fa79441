import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'k1';

/**
 * Seals private signing keys at rest with AES-256-GCM. The key id is authenticated data, so a
 * sealed key copied onto another row does not open.
 */
export class SigningKeyCipher {
  private readonly key: Buffer;

  constructor(secretHex: string) {
    this.key = Buffer.from(secretHex, 'hex');
    if (this.key.length !== 32) throw new Error('signing key secret must be 32 bytes');
  }

  seal(kid: string, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(kid, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  open(kid: string, sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed signing key');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(kid, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
