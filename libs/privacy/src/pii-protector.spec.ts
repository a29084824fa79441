import { compactDecrypt, CompactEncrypt } from 'jose';
import { randomBytes } from 'node:crypto';
import { Keyring, SealError } from './keyring';
import { maskName } from './mask-name';
import { PiiProtector } from './pii-protector';

const LEGACY_KEY = '00'.repeat(32);
const k1 = Keyring.generateEntry('2026-11');
const k2 = Keyring.generateEntry('2026-12');
const protector = new PiiProtector('a-test-key-of-enough-length', LEGACY_KEY, k1);

function header(jwe: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('PiiProtector', () => {
  it('hashes the same number to the same keyed hash, different keys to different hashes', () => {
    expect(protector.hash('13812345678')).toBe(protector.hash('13812345678'));
    expect(protector.hash('13812345678')).toMatch(/^[0-9a-f]{64}$/);
    expect(new PiiProtector('another-key-of-enough-length', LEGACY_KEY, k1).hash('13812345678')).not.toBe(
      protector.hash('13812345678'),
    );
  });

  it('round-trips as a compact JWE (A256KW + A256GCM, kid) and never produces the same ciphertext twice', () => {
    const a = protector.encrypt('371321199003071234');
    const b = protector.encrypt('371321199003071234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('371321199003071234');
    expect(a.split('.')).toHaveLength(5);
    expect(header(a)).toEqual({ alg: 'A256KW', enc: 'A256GCM', kid: '2026-11' });
    expect(protector.decrypt(a)).toBe('371321199003071234');
    // a fresh content key per value: the wrapped keys differ
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it('is standard JWE: jose opens what the keyring seals and the keyring opens what jose seals', async () => {
    const kek = Buffer.from(k1.split(':')[1]!, 'base64');
    const { plaintext } = await compactDecrypt(protector.encrypt('13812345678'), kek);
    expect(Buffer.from(plaintext).toString('utf8')).toBe('13812345678');
    const byJose = await new CompactEncrypt(Buffer.from('兰陵县大仲村镇大仲村'))
      .setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM', kid: '2026-11' })
      .encrypt(kek);
    expect(protector.decrypt(byJose)).toBe('兰陵县大仲村镇大仲村');
  });

  it('rotation: a new current key seals, values of the old kid still open, re-sealing moves them', () => {
    const old = protector.encrypt('13812345678');
    const rotated = new PiiProtector('a-test-key-of-enough-length', LEGACY_KEY, `${k2},${k1}`);
    const fresh = rotated.encrypt('13812345678');
    expect(header(fresh).kid).toBe('2026-12');
    expect(rotated.decrypt(old)).toBe('13812345678');
    expect(rotated.needsReseal(old)).toBe(true);
    expect(rotated.needsReseal(fresh)).toBe(false);
    const resealed = rotated.reseal(old);
    expect(header(resealed).kid).toBe('2026-12');
    expect(rotated.decrypt(resealed)).toBe('13812345678');
    // once the old key is retired, only re-sealed values open
    const retired = new PiiProtector('a-test-key-of-enough-length', undefined, k2);
    expect(retired.decrypt(resealed)).toBe('13812345678');
    expect(() => retired.decrypt(old)).toThrow(/no key-encryption key for kid 2026-11/);
  });

  it('fails clearly on an unknown kid', () => {
    const other = new PiiProtector('a-test-key-of-enough-length', LEGACY_KEY, Keyring.generateEntry('elsewhere'));
    const sealed = other.encrypt('13812345678');
    expect(() => protector.decrypt(sealed)).toThrow(SealError);
    try {
      protector.decrypt(sealed);
    } catch (e) {
      expect((e as SealError).reason).toBe('unknown-kid');
      expect((e as Error).message).toContain('elsewhere');
    }
  });

  it('refuses a tampered ciphertext, header, tag or wrapped key', () => {
    const sealed = protector.encrypt('13812345678');
    const parts = sealed.split('.');
    const flip = (i: number): string => {
      const copy = [...parts];
      const bytes = Buffer.from(copy[i]!, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      copy[i] = bytes.toString('base64url');
      return copy.join('.');
    };
    for (const i of [1, 3, 4]) expect(() => protector.decrypt(flip(i))).toThrow(/tampered/);
    // the header is authenticated (AAD): same kid, one more member
    const forged = [
      Buffer.from(JSON.stringify({ ...header(sealed), zip: undefined, x: 1 })).toString('base64url'),
      ...parts.slice(1),
    ].join('.');
    expect(() => protector.decrypt(forged)).toThrow(/tampered/);
    // a truncated tag is refused too
    expect(() => protector.decrypt([...parts.slice(0, 4), parts[4]!.slice(0, 6)].join('.'))).toThrow(/tampered/);
  });

  it('still reads legacy v1 values (one key, no kid) and marks them for re-sealing', () => {
    const legacy = PiiProtector.legacyEncrypt('371321199003071234', LEGACY_KEY, randomBytes(12));
    expect(legacy.startsWith('v1.')).toBe(true);
    expect(protector.decrypt(legacy)).toBe('371321199003071234');
    expect(protector.needsReseal(legacy)).toBe(true);
    expect(header(protector.reseal(legacy)).kid).toBe('2026-11');
    const parts = legacy.split('.');
    parts[3] = Buffer.from('371321199003071235').toString('base64url');
    expect(() => protector.decrypt(parts.join('.'))).toThrow(/tampered/);
  });

  it('parses both keyring forms and rejects bad ones', () => {
    const json = Keyring.parse(
      JSON.stringify([
        { kid: 'a', k: randomBytes(32).toString('base64') },
        { kid: 'b', k: randomBytes(32).toString('base64') },
      ]),
    );
    expect(json.current.kid).toBe('a');
    expect(json.kids()).toEqual(['a', 'b']);
    expect(() => Keyring.parse(`x:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() => Keyring.parse(`${k1},${k1}`)).toThrow(/twice/);
  });

  it('masks names for display', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});
