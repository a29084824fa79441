import { decodeJwt } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueTag } from '@legal/testing';
import { RunningIdentity, startIdentity } from '../../test/start-identity';
import { CitizenAccountService } from './citizen-account.service';

describe('citizen sign-in with phone + one-time code', () => {
  let identity: RunningIdentity;
  let ip = 0;
  const fromIp = (): string => `10.8.0.${++ip}`;

  beforeAll(async () => {
    identity = await startIdentity(uniqueTag('idotp'), { IDENTITY_OTP_MAX_ATTEMPTS: 3 });
  });
  afterAll(async () => identity?.stop());

  const sendCode = (phone: string): request.Test =>
    request(identity.url).post('/auth/otp').set('x-forwarded-for', fromIp()).send({ phone });
  const exchange = (phone: string, code: string, grantType = 'urn:legal:grant-type:otp'): request.Test =>
    request(identity.url)
      .post('/token')
      .set('x-forwarded-for', fromIp())
      .type('form')
      .send({ grant_type: grantType, phone, code });

  it('sends a code (never in the response) and exchanges it once for citizen tokens with a stable subject', async () => {
    const sent = await sendCode('+86 139-0531-0001').expect(202);
    expect(sent.body).toEqual({ sentTo: '139****0001', expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = identity.sms.lastCodeFor('13905310001') as string;
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(sent.body)).not.toContain(code);

    const tokens = await exchange('13905310001', code).expect(200);
    const claims = decodeJwt(tokens.body.access_token);
    expect(claims).toMatchObject({ roles: ['citizen'], phone_number: '13905310001', token_use: 'access' });
    expect(claims.sub).toMatch(/^cit_[0-9a-f]{40}$/);
    expect(claims.sub).toBe(identity.service.app.get(CitizenAccountService).subjectOf('13905310001'));
    expect(claims.org).toBeUndefined();
    await exchange('13905310001', code).expect(400);

    const refreshed = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token })
      .expect(200);
    expect(decodeJwt(refreshed.body.access_token)).toMatchObject({ sub: claims.sub, phone_number: '13905310001' });

    // Another code later for the same number, with the short grant alias: the same subject.
    await request(identity.url)
      .post('/auth/otp')
      .set('x-forwarded-for', fromIp())
      .send({ phone: '13905310002' })
      .expect(202);
    const again = identity.sms.lastCodeFor('13905310002') as string;
    const other = decodeJwt((await exchange('13905310002', again, 'otp').expect(200)).body.access_token);
    expect(other.sub).not.toBe(claims.sub);
    const me = await request(identity.url)
      .get('/userinfo')
      .set('authorization', `Bearer ${tokens.body.access_token}`)
      .expect(200);
    expect(me.body).toEqual({ sub: claims.sub, roles: ['citizen'], phone_number: '139****0001' });
  });

  it('voids a code after too many wrong guesses, and a new code replaces the old one', async () => {
    const phone = '13905310003';
    await sendCode(phone).expect(202);
    const code = identity.sms.lastCodeFor(phone) as string;
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await exchange(phone, wrong).expect(400);
    expect(first.body).toMatchObject({ code: 'otp-invalid', error: 'invalid_grant' });
    expect(first.body.detail).toContain('2 tries left');
    await exchange(phone, wrong).expect(400);
    const third = await exchange(phone, wrong).expect(400);
    expect(third.body.code).toBe('otp-expired');
    await exchange(phone, code).expect(400);
  });

  it('refuses an expired code', async () => {
    const phone = '13905310004';
    await sendCode(phone).expect(202);
    const code = identity.sms.lastCodeFor(phone) as string;
    await identity.service.app
      .get(DataSource)
      .query(`UPDATE "${identity.service.env.DB_SCHEMA}"."otp_challenge" SET expires_at = now() - interval '1 second'`);
    const res = await exchange(phone, code).expect(400);
    expect(res.body.code).toBe('otp-expired');
  });

  it('rejects numbers that are not mainland mobiles, without echoing them', async () => {
    const res = await sendCode('0531-82345678').expect(400);
    expect(res.body.errors[0].field).toBe('phone');
    expect(JSON.stringify(res.body)).not.toContain('82345678');
    await exchange('12345', '123456').expect(400);
  });

  it('limits codes per number: a second request within a minute gets 429 with Retry-After', async () => {
    const phone = '13905310005';
    await sendCode(phone).expect(202);
    const res = await sendCode(' 139 0531 0005 ').expect(429);
    expect(res.body.code).toBe('rate-limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(identity.sms.sent.filter((m) => m.phone === phone)).toHaveLength(1);
  });
});
