import { SealError } from './keyring';
import { TransitSealer } from './transit-sealer';

const applicant = {
  name: '张三',
  phone: '13812345678',
  idCardNumber: '371321199003071234',
  address: '兰陵县大仲村镇大仲村',
};

function pairs(kid: string) {
  return TransitSealer.generateKeyPair(kid);
}

describe('TransitSealer (JWE General JSON, one ECDH-ES+A256KW recipient per service)', () => {
  const legalAid = pairs('la-1');
  const mediation = pairs('me-1');
  const directory = JSON.stringify({ 'legal-aid': legalAid.publicEntry, mediation: mediation.publicEntry });
  const producer = TransitSealer.fromConfig('work-order', pairs('wo-1').privateEntry, directory);
  const legalAidReader = TransitSealer.fromConfig('legal-aid', legalAid.privateEntry, directory);
  const mediationReader = TransitSealer.fromConfig('mediation', mediation.privateEntry, directory);

  it('seals once for several recipients; each opens with its own key; no clear value inside', async () => {
    const sealed = await producer.seal(applicant, ['legal-aid', 'mediation']);
    const text = JSON.stringify(sealed);
    for (const value of Object.values(applicant)) expect(text).not.toContain(value);
    expect(sealed.recipients.map((r) => r.header?.kid)).toEqual(['legal-aid/la-1', 'mediation/me-1']);
    expect(sealed.recipients.every((r) => r.header?.alg === 'ECDH-ES+A256KW')).toBe(true);
    expect(JSON.parse(Buffer.from(sealed.protected!, 'base64url').toString())).toEqual({
      enc: 'A256GCM',
      cty: 'application/json',
    });
    await expect(legalAidReader.open(sealed)).resolves.toEqual(applicant);
    await expect(mediationReader.open(sealed)).resolves.toEqual(applicant);
  });

  it('a service that is not a recipient cannot open it', async () => {
    const sealed = await producer.seal(applicant, ['legal-aid']);
    await expect(mediationReader.open(sealed)).rejects.toMatchObject({ reason: 'not-a-recipient' });
    // nor by relabelling an entry with its own kid: the wrapped key is for another key
    const relabelled = {
      ...sealed,
      recipients: sealed.recipients.map((r) => ({ ...r, header: { ...r.header, kid: 'mediation/me-1' } })),
    };
    await expect(mediationReader.open(relabelled)).rejects.toMatchObject({ reason: 'tampered' });
  });

  it('rotation: after a new key is published, values sealed to the old kid still open while the old key is kept', async () => {
    const before = await producer.seal(applicant, ['legal-aid']);
    const next = pairs('la-2');
    const rotatedDirectory = JSON.stringify({ 'legal-aid': next.publicEntry });
    const rotatedReader = TransitSealer.fromConfig(
      'legal-aid',
      `${next.privateEntry},${legalAid.privateEntry}`,
      rotatedDirectory,
    );
    const after = await TransitSealer.fromConfig('work-order', pairs('wo').privateEntry, rotatedDirectory).seal(
      applicant,
      ['legal-aid'],
    );
    expect(after.recipients[0]?.header?.kid).toBe('legal-aid/la-2');
    await expect(rotatedReader.open(before)).resolves.toEqual(applicant);
    await expect(rotatedReader.open(after)).resolves.toEqual(applicant);
    // the old reader does not hold la-2: unknown kid, said clearly
    await expect(legalAidReader.open(after)).rejects.toThrow(/no private key for kid legal-aid\/la-2/);
  });

  it('refuses tampering with the ciphertext, the tag or the protected header', async () => {
    const sealed = await producer.seal(applicant, ['legal-aid']);
    const flip = (s: string): string => {
      const b = Buffer.from(s, 'base64url');
      b[0] = b[0]! ^ 1;
      return b.toString('base64url');
    };
    for (const field of ['ciphertext', 'tag', 'iv'] as const) {
      await expect(legalAidReader.open({ ...sealed, [field]: flip(sealed[field]!) })).rejects.toMatchObject({
        reason: 'tampered',
      });
    }
    const header = Buffer.from(JSON.stringify({ enc: 'A256GCM', cty: 'text/plain' })).toString('base64url');
    await expect(legalAidReader.open({ ...sealed, protected: header })).rejects.toBeInstanceOf(SealError);
    await expect(legalAidReader.open('13812345678')).rejects.toMatchObject({ reason: 'not-sealed' });
  });

  it('development keys are derived from service names (the same in every process)', async () => {
    const sealed = await TransitSealer.development('hotline').seal(applicant, ['work-order']);
    await expect(TransitSealer.development('work-order').open(sealed)).resolves.toEqual(applicant);
    await expect(TransitSealer.development('portal').open(sealed)).rejects.toMatchObject({ reason: 'not-a-recipient' });
  });
});

describe('TransitSealer configuration checks', () => {
  it('refuses a directory that publishes a key the service does not hold', () => {
    const mine = TransitSealer.generateKeyPair('k1');
    const other = TransitSealer.generateKeyPair('k2');
    expect(() =>
      TransitSealer.fromConfig('legal-aid', mine.privateEntry, JSON.stringify({ 'legal-aid': other.publicEntry })),
    ).toThrow(/kid k2, which PII_TRANSIT_KEYS does not hold/);
    const sameKid = TransitSealer.generateKeyPair('k1');
    expect(() =>
      TransitSealer.fromConfig('legal-aid', mine.privateEntry, JSON.stringify({ 'legal-aid': sameKid.publicEntry })),
    ).toThrow(/does not belong/);
    // during a rotation the service already holds the new key while the directory still lists the old one
    const next = TransitSealer.generateKeyPair('k3');
    expect(() =>
      TransitSealer.fromConfig(
        'legal-aid',
        `${next.privateEntry},${mine.privateEntry}`,
        JSON.stringify({ 'legal-aid': mine.publicEntry }),
      ),
    ).not.toThrow();
    expect(
      TransitSealer.fromConfig(
        'legal-aid',
        `${next.privateEntry},${mine.privateEntry}`,
        JSON.stringify({ 'legal-aid': mine.publicEntry }),
      ).currentPublicEntry(),
    ).toBe(next.publicEntry);
  });
});
