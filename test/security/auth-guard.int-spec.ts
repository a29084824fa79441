import { createHmac } from 'node:crypto';
import { exportSPKI, generateKeyPair, importJWK, SignJWT } from 'jose';
import request from 'supertest';
import { AUTH_REFUSALS } from '@legal/auth';
import { dropSchema } from '@legal/persistence';
import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import { probeService } from './support/probe.definition';

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('the global auth guard in a running service', () => {
  let auth: TestAuthority;
  let probe: RunningService;

  beforeAll(async () => {
    auth = await TestAuthority.create();
    probe = await startService(probeService, isolatedOverrides(uniqueTag('guard'), 'probe', auth.env));
  });
  afterAll(async () => {
    await probe?.stop();
    if (probe) await dropSchema(probe.env.DATABASE_URL, probe.env.DB_SCHEMA);
  });

  const get = (path: string, token?: string): request.Test => {
    const r = request(probe.url).get(path);
    return token === undefined ? r : r.set('authorization', `Bearer ${token}`);
  };

  const expect401 = async (token: string | undefined): Promise<void> => {
    const res = await get('/probe/admin', token).expect(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body.status).toBe(401);
  };

  it('answers 401 without a token', async () => {
    await expect401(undefined);
    const res = await get('/probe/admin').expect(401);
    expect(res.body.detail).toBe(AUTH_REFUSALS.missingToken);
  });

  it('answers 401 to an expired token', async () => {
    await expect401(await auth.token({ roles: ['admin'], expiresIn: -120 }));
  });

  it('answers 401 to a token whose claims or signature were tampered with', async () => {
    const token = await auth.token({ roles: ['citizen'] });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    await expect401(`${header}.${b64url({ ...claims, roles: ['admin'] })}.${signature}`);
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await expect401(`${header}.${payload}.${flipped}`);
  });

  it('answers 401 to an unsigned token (alg none)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: TestAuthority.issuer,
      aud: TestAuthority.audience,
      sub: 'x',
      roles: ['admin'],
      iat: now,
      exp: now + 600,
      token_use: 'access',
    };
    await expect401(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`);
    await expect401(`${b64url({ alg: 'none', typ: 'JWT', kid: auth.kid })}.${b64url(claims)}.`);
  });

  it('answers 401 to an HS256 token signed with the published public key as the HMAC secret', async () => {
    const jwks = JSON.parse(auth.jwksJson) as { keys: Record<string, unknown>[] };
    const publicKey = await importJWK(jwks.keys[0] as never, 'ES256');
    const pem = await exportSPKI(publicKey as never);
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: TestAuthority.issuer,
      aud: TestAuthority.audience,
      sub: 'x',
      roles: ['admin'],
      iat: now,
      exp: now + 600,
      token_use: 'access',
    };
    const input = `${b64url({ alg: 'HS256', typ: 'JWT', kid: auth.kid })}.${b64url(claims)}`;
    await expect401(`${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`);
    const jwkSecret = JSON.stringify(jwks.keys[0]);
    await expect401(`${input}.${createHmac('sha256', jwkSecret).update(input).digest('base64url')}`);
  });

  it('answers 401 to tokens from another issuer, for another audience, or signed by an unknown key', async () => {
    await expect401(await auth.token({ roles: ['admin'], issuer: 'https://evil.example' }));
    await expect401(await auth.token({ roles: ['admin'], audience: 'some-other-api' }));
    const stranger = await generateKeyPair('ES256');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ roles: ['admin'], token_use: 'access' })
      .setProtectedHeader({ alg: 'ES256', kid: auth.kid })
      .setIssuer(TestAuthority.issuer)
      .setAudience(TestAuthority.audience)
      .setSubject('x')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(stranger.privateKey);
    await expect401(forged);
  });

  it('answers 403 to a valid token of a role the route does not allow', async () => {
    const res = await get('/probe/admin', await auth.token({ roles: ['citizen'] })).expect(403);
    expect(res.body.detail).toBe(AUTH_REFUSALS.roleDenied);
    await get('/probe/staff', await auth.token({ roles: ['hotline-agent', 'mediator'] })).expect(403);
  });

  it('lets an allowed role through and hands the handler its claims', async () => {
    const res = await get(
      '/probe/staff',
      await auth.token({ sub: 'clerk-1', roles: ['mediator', 'centre-clerk'], org: 'o-1', region: '370102' }),
    ).expect(200);
    expect(res.body).toMatchObject({
      subject: 'clerk-1',
      roles: ['mediator', 'centre-clerk'],
      organisationId: 'o-1',
      regionCode: '370102',
    });
  });

  it('answers 403 on a route with neither @Public nor @Roles, whatever the role', async () => {
    const res = await get('/probe/undecided', await auth.token({ roles: ['admin'] })).expect(403);
    expect(res.body.detail).toBe(AUTH_REFUSALS.noDecision);
    await get('/probe/undecided').expect(401);
  });

  it('serves public routes to anyone, and ignores a bad token there', async () => {
    expect((await get('/probe/public').expect(200)).body).toEqual({ subject: null });
    expect((await get('/probe/public', 'garbage.token.here').expect(200)).body).toEqual({ subject: null });
    expect((await get('/probe/public', await auth.token({ sub: 'c-1', roles: ['citizen'] })).expect(200)).body).toEqual(
      { subject: 'c-1' },
    );
  });
});
