import { decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { uniqueTag } from '@legal/testing';
import { RunningIdentity, startIdentity } from '../../test/start-identity';
import { DEV_STAFF_PASSWORD } from '../seed/dev-accounts';

interface Jwks {
  keys: { kid: string; alg: string; kty: string; crv: string; use: string; d?: string }[];
}

describe('signing keys: discovery, JWKS and rotation', () => {
  let identity: RunningIdentity;

  beforeAll(async () => {
    identity = await startIdentity(uniqueTag('idkeys'), { PUBLIC_URL: 'https://identity.legal.example' });
  });
  afterAll(async () => identity?.stop());

  const signIn = async (username: string): Promise<string> =>
    (
      await request(identity.url)
        .post('/token')
        .type('form')
        .send({ grant_type: 'password', username, password: DEV_STAFF_PASSWORD })
        .expect(200)
    ).body.access_token as string;
  const jwks = async (): Promise<Jwks> =>
    (await request(identity.url).get('/.well-known/jwks.json').expect(200)).body as Jwks;

  it('publishes an OIDC discovery document pointing at its endpoints', async () => {
    const res = await request(identity.url).get('/.well-known/openid-configuration').expect(200);
    expect(res.body).toMatchObject({
      issuer: identity.service.env.AUTH_ISSUER,
      jwks_uri: 'https://identity.legal.example/.well-known/jwks.json',
      token_endpoint: 'https://identity.legal.example/token',
      id_token_signing_alg_values_supported: ['ES256'],
      grant_types_supported: expect.arrayContaining([
        'password',
        'refresh_token',
        'client_credentials',
        'urn:legal:grant-type:otp',
      ]),
    });
  });

  it('publishes the active and the next public key (EC P-256, no private parts)', async () => {
    const set = await jwks();
    expect(set.keys).toHaveLength(2);
    for (const key of set.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key.d).toBeUndefined();
    }
  });

  it('stores private keys sealed, never in clear', async () => {
    const { DataSource } = await import('typeorm');
    const rows = (await identity.service.app
      .get(DataSource)
      .query(`SELECT private_key_sealed FROM "${identity.service.env.DB_SCHEMA}"."signing_key"`)) as {
      private_key_sealed: string;
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.private_key_sealed).toMatch(/^k1\./);
      expect(row.private_key_sealed).not.toContain('"d"');
    }
  });

  it('rotates on an admin request: the pre-published key signs, old tokens stay valid, the old key stays published', async () => {
    const admin = await signIn('dev-admin');
    const before = await jwks();
    const oldKid = decodeProtectedHeader(admin).kid;
    await request(identity.url)
      .post('/admin/keys/rotate')
      .set('authorization', `Bearer ${await signIn('dev-supervisor')}`)
      .expect(403);

    const rotated = await request(identity.url)
      .post('/admin/keys/rotate')
      .set('authorization', `Bearer ${admin}`)
      .expect(200);
    expect(rotated.body.retiredKid).toBe(oldKid);
    expect(before.keys.map((k) => k.kid)).toContain(rotated.body.activeKid);

    const fresh = await signIn('dev-admin');
    expect(decodeProtectedHeader(fresh).kid).toBe(rotated.body.activeKid);
    const after = (await jwks()).keys.map((k) => k.kid);
    expect(after).toEqual(expect.arrayContaining([oldKid, rotated.body.activeKid, rotated.body.nextKid]));

    await request(identity.url).get('/userinfo').set('authorization', `Bearer ${admin}`).expect(200);
    await request(identity.url).get('/userinfo').set('authorization', `Bearer ${fresh}`).expect(200);
    const keys = await request(identity.url).get('/admin/keys').set('authorization', `Bearer ${fresh}`).expect(200);
    expect((keys.body as { kid: string; status: string }[]).find((k) => k.kid === oldKid)).toMatchObject({
      status: 'retired',
      publishUntil: expect.any(String),
    });
  });
});
