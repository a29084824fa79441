import { GeneralEncrypt, generalDecrypt } from 'jose';
import type { GeneralJWE } from 'jose';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { JweError, openJwe, sealJwe } from './transit-jwe';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const HEADER = { enc: 'A256GCM', cty: 'application/json' };
const value = JSON.stringify({ name: '张三', phone: '13812345678', address: '兰陵县大仲村镇大仲村' });

function keyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('x25519');
}

const legalAid = keyPair();
const mediation = keyPair();

function decoded(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The same JWE sealed by jose (what every service wrote before, and what a partner may write). */
async function sealedByJose(
  recipients: { kid: string; key: KeyObject }[],
  parameters?: { apu: Uint8Array; apv: Uint8Array },
): Promise<GeneralJWE> {
  const jwe = new GeneralEncrypt(encoder.encode(value)).setProtectedHeader(HEADER);
  for (const recipient of recipients) {
    const entry = jwe.addRecipient(recipient.key).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW', kid: recipient.kid });
    if (parameters) entry.setKeyManagementParameters(parameters);
  }
  return jwe.encrypt();
}

function flip(segment: string, at = 0): string {
  const bytes = Buffer.from(segment, 'base64url');
  bytes[at] = bytes[at]! ^ 1;
  return bytes.toString('base64url');
}

describe('transit JWE on node:crypto (ECDH-ES+A256KW over X25519, A256GCM, General JSON)', () => {
  it('jose opens what we seal, for one recipient and for each of several', async () => {
    const one = sealJwe(encoder.encode(value), HEADER, [{ kid: 'legal-aid/k1', key: legalAid.publicKey }]);
    expect(decoder.decode((await generalDecrypt(one, legalAid.privateKey)).plaintext)).toBe(value);
    const two = sealJwe(encoder.encode(value), HEADER, [
      { kid: 'legal-aid/k1', key: legalAid.publicKey },
      { kid: 'mediation/k1', key: mediation.publicKey },
    ]);
    expect(decoder.decode((await generalDecrypt(two, legalAid.privateKey)).plaintext)).toBe(value);
    expect(decoder.decode((await generalDecrypt(two, mediation.privateKey)).plaintext)).toBe(value);
  });

  it('we open what jose seals, with or without PartyUInfo/PartyVInfo, through our own entry only', async () => {
    const two = await sealedByJose([
      { kid: 'legal-aid/k1', key: legalAid.publicKey },
      { kid: 'mediation/k1', key: mediation.publicKey },
    ]);
    expect(decoder.decode(openJwe(two, two.recipients[0]!, legalAid.privateKey))).toBe(value);
    expect(decoder.decode(openJwe(two, two.recipients[1]!, mediation.privateKey))).toBe(value);
    expect(() => openJwe(two, two.recipients[1]!, legalAid.privateKey)).toThrow(JweError);
    const one = await sealedByJose([{ kid: 'legal-aid/k1', key: legalAid.publicKey }], {
      apu: encoder.encode('work-order'),
      apv: encoder.encode('legal-aid'),
    });
    expect(decoder.decode(openJwe(one, one.recipients[0]!, legalAid.privateKey))).toBe(value);
  });

  it('writes the layout jose writes: epk in the protected header for one recipient, in each entry for several', async () => {
    const key = { kid: 'legal-aid/k1', key: legalAid.publicKey };
    const other = { kid: 'mediation/k1', key: mediation.publicKey };
    for (const recipients of [[key], [key, other]]) {
      const ours = sealJwe(encoder.encode(value), HEADER, recipients);
      const theirs = await sealedByJose(recipients);
      expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
      expect(Object.keys(decoded(ours.protected!)).sort()).toEqual(Object.keys(decoded(theirs.protected!)).sort());
      expect(ours.recipients.map((r) => Object.keys(r.header!).sort())).toEqual(
        theirs.recipients.map((r) => Object.keys(r.header!).sort()),
      );
      expect(ours.recipients.map((r) => r.encrypted_key!.length)).toEqual(
        theirs.recipients.map((r) => r.encrypted_key!.length),
      );
      expect([ours.iv?.length, ours.tag?.length]).toEqual([theirs.iv?.length, theirs.tag?.length]);
    }
    const one = sealJwe(encoder.encode(value), HEADER, [key]);
    expect(decoded(one.protected!)).toMatchObject({ ...HEADER, epk: { kty: 'OKP', crv: 'X25519' } });
  });

  it('refuses a changed ciphertext, tag, iv, wrapped key, ephemeral key or protected header', () => {
    const sealed = sealJwe(encoder.encode(value), HEADER, [{ kid: 'legal-aid/k1', key: legalAid.publicKey }]);
    const entry = sealed.recipients[0]!;
    const open = (jwe: GeneralJWE, recipient = entry): Uint8Array => openJwe(jwe, recipient, legalAid.privateKey);
    expect(decoder.decode(open(sealed))).toBe(value);
    for (const field of ['ciphertext', 'tag', 'iv'] as const) {
      expect(() => open({ ...sealed, [field]: flip(sealed[field]!) })).toThrow(JweError);
    }
    expect(() => open(sealed, { ...entry, encrypted_key: flip(entry.encrypted_key!, 9) })).toThrow(JweError);
    const header = decoded(sealed.protected!) as { epk: { x: string } };
    const otherEpk = { ...header, epk: { ...header.epk, x: flip(header.epk.x, 5) } };
    expect(() => open({ ...sealed, protected: Buffer.from(JSON.stringify(otherEpk)).toString('base64url') })).toThrow(
      JweError,
    );
    const relabelled = { ...header, cty: 'text/plain' };
    expect(() => open({ ...sealed, protected: Buffer.from(JSON.stringify(relabelled)).toString('base64url') })).toThrow(
      JweError,
    );
    expect(() => open({ ...sealed, aad: 'ZXh0cmE' })).toThrow(JweError);
  });

  it('refuses other algorithms, repeated or critical header parameters and compression', () => {
    const sealed = sealJwe(encoder.encode(value), HEADER, [{ kid: 'legal-aid/k1', key: legalAid.publicKey }]);
    const entry = sealed.recipients[0]!;
    const open = (recipient: typeof entry, jwe: GeneralJWE = sealed): Uint8Array =>
      openJwe(jwe, recipient, legalAid.privateKey);
    expect(() => open({ ...entry, header: { ...entry.header, alg: 'ECDH-ES+A128KW' } })).toThrow(/alg/);
    expect(() => open({ ...entry, header: { ...entry.header, enc: 'A256GCM' } })).toThrow(/appears twice/);
    expect(() => open({ ...entry, header: { ...entry.header, crit: ['exp'] } })).toThrow(/crit/);
    expect(() => open({ ...entry, header: { ...entry.header, zip: 'DEF' } })).toThrow(/zip/);
    expect(() => open(entry, { ...sealed, protected: 'bm90LWpzb24' })).toThrow(JweError);
  });
});
