import { maskName } from './mask-name';
import { PiiProtector } from './pii-protector';

const protector = new PiiProtector('a-test-key-of-enough-length', '00'.repeat(32));

describe('PiiProtector', () => {
  it('hashes the same number to the same keyed hash, different keys to different hashes', () => {
    expect(protector.hash('13812345678')).toBe(protector.hash('13812345678'));
    expect(protector.hash('13812345678')).toMatch(/^[0-9a-f]{64}$/);
    expect(new PiiProtector('another-key-of-enough-length', '00'.repeat(32)).hash('13812345678')).not.toBe(protector.hash('13812345678'));
  });

  it('round-trips encryption and never produces the same ciphertext twice', () => {
    const a = protector.encrypt('371321199003071234');
    const b = protector.encrypt('371321199003071234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('371321199003071234');
    expect(protector.decrypt(a)).toBe('371321199003071234');
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = protector.encrypt('13812345678');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('13812345679').toString('base64url');
    expect(() => protector.decrypt(parts.join('.'))).toThrow();
  });

  it('masks names for display', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});
