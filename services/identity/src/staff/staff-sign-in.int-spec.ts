import { decodeJwt, decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { uniqueTag } from '@legal/testing';
import { CapturingSmsSender, RunningIdentity, startIdentity } from '../../test/start-identity';
import { DEV_STAFF_PASSWORD } from '../seed/dev-accounts';

describe('staff sign-in (password grant)', () => {
  let identity: RunningIdentity;
  let ip = 0;
  /** Each test its own client address, so the per-IP limits of one test do not touch another. */
  const fromIp = (): string => `10.7.0.${++ip}`;

  beforeAll(async () => {
    identity = await startIdentity(uniqueTag('idstaff'), { IDENTITY_SIGN_IN_MAX_FAILURES: 5 });
  });
  afterAll(async () => identity?.stop());

  const signIn = (username: string, password: string, xff = fromIp()): request.Test =>
    request(identity.url)
      .post('/token')
      .set('x-forwarded-for', xff)
      .type('form')
      .send({ grant_type: 'password', username, password });

  it('issues an ES256 access token with the staff claims and a refresh token', async () => {
    const res = await signIn('dev-clerk', DEV_STAFF_PASSWORD).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    expect(res.body.refresh_token).toMatch(/^rt_/);
    const header = decodeProtectedHeader(res.body.access_token);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(header.kid).toEqual(expect.any(String));
    const claims = decodeJwt(res.body.access_token);
    expect(claims).toMatchObject({
      iss: identity.service.env.AUTH_ISSUER,
      aud: 'legal-services',
      roles: ['centre-clerk'],
      org: 'org-370102-centre',
      region: '370102',
      token_use: 'access',
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(600);
    expect(claims.jti).toEqual(expect.any(String));
    const me = await request(identity.url)
      .get('/userinfo')
      .set('authorization', `Bearer ${res.body.access_token}`)
      .expect(200);
    expect(me.body).toMatchObject({ roles: ['centre-clerk'], region: '370102' });
  });

  it('answers a wrong password and an unknown user alike, as problem+json with the OAuth error', async () => {
    const wrong = await signIn('dev-notary', 'not-the-password').expect(400);
    const unknown = await signIn('nobody-here', 'not-the-password').expect(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ code: 'invalid-grant', error: 'invalid_grant', status: 400 });
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('locks the account after 5 failed passwords (423), even for the right password, until an admin unlocks it', async () => {
    for (let i = 1; i <= 4; i++) await signIn('dev-mediator', `wrong-${i}`).expect(400);
    const fifth = await signIn('dev-mediator', 'wrong-5').expect(423);
    expect(fifth.body).toMatchObject({ code: 'account-locked', error: 'invalid_grant', lockedForSeconds: 900 });
    const right = await signIn('dev-mediator', DEV_STAFF_PASSWORD).expect(423);
    expect(right.body.code).toBe('account-locked');

    const admin = await signIn('dev-admin', DEV_STAFF_PASSWORD).expect(200);
    const list = await request(identity.url)
      .get('/admin/staff')
      .set('authorization', `Bearer ${admin.body.access_token}`)
      .expect(200);
    const mediator = (list.body as { id: string; username: string }[]).find((u) => u.username === 'dev-mediator');
    await request(identity.url)
      .post(`/admin/staff/${mediator?.id}/unlock`)
      .set('authorization', `Bearer ${admin.body.access_token}`)
      .expect(204);
    await signIn('dev-mediator', DEV_STAFF_PASSWORD).expect(200);
  });

  it('lets an admin create staff (other roles may not), with validation and unique names', async () => {
    const admin = (await signIn('dev-admin', DEV_STAFF_PASSWORD).expect(200)).body.access_token as string;
    const clerk = (await signIn('dev-clerk', DEV_STAFF_PASSWORD).expect(200)).body.access_token as string;
    const body = {
      username: 'Li.Na',
      password: 'a-long-enough-password',
      displayName: '李娜',
      roles: ['notary'],
      organisationId: 'org-370102-notary',
      regionCode: '370102',
    };
    await request(identity.url).post('/admin/staff').set('authorization', `Bearer ${clerk}`).send(body).expect(403);
    await request(identity.url).post('/admin/staff').send(body).expect(401);
    const created = await request(identity.url)
      .post('/admin/staff')
      .set('authorization', `Bearer ${admin}`)
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({ username: 'li.na', roles: ['notary'], disabled: false });
    expect(JSON.stringify(created.body)).not.toContain('password');
    await request(identity.url).post('/admin/staff').set('authorization', `Bearer ${admin}`).send(body).expect(409);
    const bad = await request(identity.url)
      .post('/admin/staff')
      .set('authorization', `Bearer ${admin}`)
      .send({ ...body, username: 'x', password: 'short', roles: ['citizen'], regionCode: '999999', extra: true })
      .expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'extra',
      'password',
      'regionCode',
      'roles',
      'username',
    ]);
    await signIn('LI.NA', 'a-long-enough-password').expect(200);
  });

  it('rotates refresh tokens and revokes the whole session when a used refresh token comes back', async () => {
    const first = (await signIn('dev-legal-aid', DEV_STAFF_PASSWORD).expect(200)).body as { refresh_token: string };
    const refresh = (token: string): request.Test =>
      request(identity.url)
        .post('/token')
        .set('x-forwarded-for', fromIp())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: token });

    const second = (await refresh(first.refresh_token).expect(200)).body as {
      access_token: string;
      refresh_token: string;
    };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.access_token)).toMatchObject({ roles: ['legal-aid-officer'] });
    const third = (await refresh(second.refresh_token).expect(200)).body as { refresh_token: string };

    const reuse = await refresh(first.refresh_token).expect(400);
    expect(reuse.body).toMatchObject({ code: 'refresh-token-reused', error: 'invalid_grant' });
    const afterReuse = await refresh(third.refresh_token).expect(400);
    expect(afterReuse.body.code).toBe('invalid-grant');

    const other = (await signIn('dev-legal-aid', DEV_STAFF_PASSWORD).expect(200)).body as { refresh_token: string };
    await request(identity.url).post('/token/revoke').type('form').send({ token: other.refresh_token }).expect(200);
    await refresh(other.refresh_token).expect(400);
    await refresh('rt_this-token-was-never-issued-by-us').expect(400);
  });

  it('keeps the development sender out of the way: the capturing sender got nothing here', () => {
    expect(identity.sms).toBeInstanceOf(CapturingSmsSender);
    expect(identity.sms.sent).toHaveLength(0);
  });
});
