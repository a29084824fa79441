import { decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { dropSchema } from '@legal/persistence';
import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import { DEV_PARTNER, DEV_PARTNER_SECRET, DEV_STAFF_PASSWORD } from '../../services/identity/src/seed/dev-accounts';
import { RunningIdentity, startIdentity } from '../../services/identity/test/start-identity';
import { probeService } from './support/probe.definition';

/**
 * The real identity service and another service started the way production runs them: the other
 * service knows nothing but AUTH_ISSUER and AUTH_JWKS_URL (no shared secret, no inline keys).
 */
describe('tokens of the identity service are trusted by other services through its JWKS', () => {
  let identity: RunningIdentity;
  let probe: RunningService;

  beforeAll(async () => {
    const tag = uniqueTag('trust');
    identity = await startIdentity(tag);
    probe = await startService(
      probeService,
      isolatedOverrides(tag, 'probe', {
        AUTH_ISSUER: identity.service.env.AUTH_ISSUER,
        AUTH_JWKS_URL: `${identity.url}/.well-known/jwks.json`,
      }),
    );
  });
  afterAll(async () => {
    await probe?.stop();
    if (probe) await dropSchema(probe.env.DATABASE_URL, probe.env.DB_SCHEMA);
    await identity?.stop();
  });

  const staffToken = async (username: string): Promise<string> =>
    (
      await request(identity.url)
        .post('/token')
        .type('form')
        .send({ grant_type: 'password', username, password: DEV_STAFF_PASSWORD })
        .expect(200)
    ).body.access_token as string;
  const call = (path: string, token: string): request.Test =>
    request(probe.url).get(path).set('authorization', `Bearer ${token}`);

  it('accepts a staff token with its roles, organisation and jurisdiction', async () => {
    const res = await call('/probe/staff', await staffToken('dev-clerk')).expect(200);
    expect(res.body).toMatchObject({
      roles: ['centre-clerk'],
      organisationId: 'org-370102-centre',
      regionCode: '370102',
    });
    await call('/probe/admin', await staffToken('dev-clerk')).expect(403);
    await call('/probe/admin', await staffToken('dev-admin')).expect(200);
  });

  it('accepts a citizen token with the phone claim and a partner token with its client id', async () => {
    await request(identity.url).post('/auth/otp').send({ phone: '13905319999' }).expect(202);
    const code = identity.sms.lastCodeFor('13905319999') as string;
    const citizen = (
      await request(identity.url)
        .post('/token')
        .type('form')
        .send({ grant_type: 'urn:legal:grant-type:otp', phone: '13905319999', code })
        .expect(200)
    ).body.access_token as string;
    expect((await call('/probe/public', citizen).expect(200)).body.subject).toMatch(/^cit_/);
    await call('/probe/staff', citizen).expect(403);

    const partner = (
      await request(identity.url)
        .post('/token')
        .send({ grant_type: 'client_credentials', client_id: DEV_PARTNER.clientId, client_secret: DEV_PARTNER_SECRET })
        .expect(200)
    ).body.access_token as string;
    await call('/probe/admin', partner).expect(403);
  });

  it('refuses tokens from anyone else and tampered tokens', async () => {
    const stranger = await TestAuthority.create();
    await call(
      '/probe/admin',
      await stranger.token({ roles: ['admin'], issuer: identity.service.env.AUTH_ISSUER }),
    ).expect(401);
    const token = await staffToken('dev-clerk');
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${s}`;
    await call('/probe/admin', forged).expect(401);
  });

  it('keeps accepting old tokens after a key rotation and accepts tokens signed with the new key at once', async () => {
    const admin = await staffToken('dev-admin');
    await call('/probe/admin', admin).expect(200);
    const rotated = await request(identity.url)
      .post('/admin/keys/rotate')
      .set('authorization', `Bearer ${admin}`)
      .expect(200);
    const fresh = await staffToken('dev-admin');
    expect(decodeProtectedHeader(fresh).kid).toBe(rotated.body.activeKid);
    expect(decodeProtectedHeader(admin).kid).toBe(rotated.body.retiredKid);
    await call('/probe/admin', fresh).expect(200);
    await call('/probe/admin', admin).expect(200);
  });
});
