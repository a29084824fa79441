import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  KeyObject,
  randomBytes,
} from 'node:crypto';
import type { GeneralJWE, JWEHeaderParameters } from 'jose';

/**
 * The one JWE shape the transit sealer writes and reads, on node:crypto directly: General JSON serialisation
 * (RFC 7516 §7.2.1), content encrypted with A256GCM, the content key wrapped for each recipient with
 * ECDH-ES+A256KW over X25519 (RFC 7518 §4.6, RFC 8037). It writes what jose's GeneralEncrypt writes — the
 * ephemeral key `epk` in the protected header when there is one recipient, in each recipient's header when
 * there are several — and reads any JWE of that algorithm pair, jose's included (interop tested both ways).
 * jose 6 does the same through WebCrypto at 2.4 to 3.3 times the CPU of jose 5 (bench/pii-sealing.ts, same run), so
 * sealing, which runs for every event with personal data, does not go through it; tokens still do.
 */
export const JWE_ALG = 'ECDH-ES+A256KW';
export const JWE_ENC = 'A256GCM';

/** Anything wrong with a JWE being opened: the caller turns it into its own error. */
export class JweError extends Error {}

const KEY_WRAP_IV = Buffer.alloc(8, 0xa6); // RFC 3394 §2.2.3.1 default initial value
const GCM_IV_BYTES = 12;
const GCM_TAG_BYTES = 16;
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

export interface JweRecipient {
  /** The recipient header's kid. */
  kid: string;
  /** The recipient's X25519 public key. */
  key: KeyObject;
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function unb64(value: unknown, what: string): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]*$/.test(value)) throw new JweError(`${what} is not base64url`);
  return Buffer.from(value, 'base64url');
}

function lengthPrefixed(bytes: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/**
 * The key-encryption key: Concat KDF (NIST SP 800-56A §5.8.1, as RFC 7518 §4.6.2 profiles it) over SHA-256 of
 * the shared secret Z, for 256 bits — one hash round: SHA-256(00000001 || Z || OtherInfo), where OtherInfo is
 * the algorithm id, PartyUInfo (apu), PartyVInfo (apv), each length-prefixed, and the key length in bits.
 */
function keyEncryptionKey(sharedSecret: Buffer, apu: Buffer, apv: Buffer): Buffer {
  const keyBits = Buffer.alloc(4);
  keyBits.writeUInt32BE(256);
  return createHash('sha256')
    .update(Buffer.from([0, 0, 0, 1]))
    .update(sharedSecret)
    .update(lengthPrefixed(Buffer.from(JWE_ALG, 'ascii')))
    .update(lengthPrefixed(apu))
    .update(lengthPrefixed(apv))
    .update(keyBits)
    .digest();
}

function wrapKey(kek: Buffer, contentKey: Buffer): Buffer {
  const cipher = createCipheriv('id-aes256-wrap', kek, KEY_WRAP_IV);
  return Buffer.concat([cipher.update(contentKey), cipher.final()]);
}

function unwrapKey(kek: Buffer, wrapped: Buffer): Buffer {
  const decipher = createDecipheriv('id-aes256-wrap', kek, KEY_WRAP_IV);
  return Buffer.concat([decipher.update(wrapped), decipher.final()]);
}

interface EphemeralJwk {
  kty: 'OKP';
  crv: 'X25519';
  x: string;
}

/** Seals `plaintext` for every recipient: one content key, wrapped for each. */
export function sealJwe(
  plaintext: Uint8Array,
  protectedHeader: Record<string, unknown>,
  recipients: readonly JweRecipient[],
): GeneralJWE {
  if (recipients.length === 0) throw new Error('sealing needs at least one recipient');
  const contentKey = randomBytes(32);
  const entries = recipients.map((recipient) => {
    const ephemeral = generateKeyPairSync('x25519');
    const { x } = ephemeral.publicKey.export({ format: 'jwk' }) as { x: string };
    const epk: EphemeralJwk = { kty: 'OKP', crv: 'X25519', x };
    const z = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient.key });
    const kek = keyEncryptionKey(z, Buffer.alloc(0), Buffer.alloc(0));
    return { kid: recipient.kid, epk, encryptedKey: wrapKey(kek, contentKey) };
  });
  const single = entries.length === 1 ? entries[0]! : undefined;
  const encodedProtected = b64(
    Buffer.from(JSON.stringify(single ? { ...protectedHeader, epk: single.epk } : protectedHeader), 'utf8'),
  );
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', contentKey, iv);
  cipher.setAAD(Buffer.from(encodedProtected, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    protected: encodedProtected,
    recipients: entries.map((entry) => ({
      header: single ? { alg: JWE_ALG, kid: entry.kid } : { alg: JWE_ALG, kid: entry.kid, epk: entry.epk },
      encrypted_key: b64(entry.encryptedKey),
    })),
    iv: b64(iv),
    ciphertext: b64(ciphertext),
    tag: b64(cipher.getAuthTag()),
  };
}

function parseProtected(encoded: string): Record<string, unknown> {
  let header: unknown;
  try {
    header = JSON.parse(unb64(encoded, 'protected header').toString('utf8'));
  } catch (e) {
    if (e instanceof JweError) throw e;
    throw new JweError('protected header is not JSON');
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header))
    throw new JweError('protected header is not a JSON object');
  return header as Record<string, unknown>;
}

function ephemeralPublicKey(epk: unknown): KeyObject {
  const jwk = epk as Partial<EphemeralJwk> | undefined;
  if (!jwk || typeof jwk !== 'object' || jwk.kty !== 'OKP' || jwk.crv !== 'X25519')
    throw new JweError('epk is not an X25519 public key');
  const raw = unb64(jwk.x, 'epk.x');
  if (raw.length !== 32) throw new JweError('epk.x is not 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });
}

/**
 * Opens the JWE through one of its recipient entries with that recipient's X25519 private key.
 * Header parameters may sit in the protected header, the shared `unprotected` one or the entry's `header`, but
 * each in one place only (RFC 7516 §7.2.1); `alg` and `enc` must be the two above, and nothing may be `crit`ical
 * or compressed. Throws JweError on anything malformed or tampered (the GCM tag or the key wrap's check fails).
 */
export function openJwe(
  jwe: GeneralJWE,
  recipient: { header?: JWEHeaderParameters; encrypted_key?: string },
  privateKey: KeyObject,
): Uint8Array {
  if (typeof jwe.protected !== 'string') throw new JweError('no protected header');
  const parts = [parseProtected(jwe.protected), jwe.unprotected ?? {}, recipient.header ?? {}] as Record<
    string,
    unknown
  >[];
  const header: Record<string, unknown> = {};
  for (const part of parts) {
    if (part === null || typeof part !== 'object' || Array.isArray(part))
      throw new JweError('a header is not an object');
    for (const [name, value] of Object.entries(part)) {
      if (name in header) throw new JweError(`header parameter ${name} appears twice`);
      header[name] = value;
    }
  }
  if (header.alg !== JWE_ALG) throw new JweError(`alg ${String(header.alg)} is not ${JWE_ALG}`);
  if (header.enc !== JWE_ENC) throw new JweError(`enc ${String(header.enc)} is not ${JWE_ENC}`);
  if (header.crit !== undefined) throw new JweError('crit is not supported');
  if (header.zip !== undefined) throw new JweError('zip is not supported');
  const apu = header.apu === undefined ? Buffer.alloc(0) : unb64(header.apu, 'apu');
  const apv = header.apv === undefined ? Buffer.alloc(0) : unb64(header.apv, 'apv');
  const iv = unb64(jwe.iv, 'iv');
  const tag = unb64(jwe.tag, 'tag');
  const wrapped = unb64(recipient.encrypted_key, 'encrypted_key');
  if (iv.length !== GCM_IV_BYTES) throw new JweError('iv is not 96 bits');
  if (tag.length !== GCM_TAG_BYTES) throw new JweError('tag is not 128 bits');
  if (wrapped.length !== 40) throw new JweError('encrypted_key is not a wrapped 256-bit key');
  if (jwe.aad !== undefined) unb64(jwe.aad, 'aad');
  const aad = jwe.aad === undefined ? jwe.protected : `${jwe.protected}.${jwe.aad}`;
  try {
    const z = diffieHellman({ privateKey, publicKey: ephemeralPublicKey(header.epk) });
    const contentKey = unwrapKey(keyEncryptionKey(z, apu, apv), wrapped);
    const decipher = createDecipheriv('aes-256-gcm', contentKey, iv);
    decipher.setAAD(Buffer.from(aad, 'ascii'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(unb64(jwe.ciphertext, 'ciphertext')), decipher.final()]);
  } catch (e) {
    if (e instanceof JweError) throw e;
    throw new JweError('decryption failed (wrong key, or the value was changed)');
  }
}
