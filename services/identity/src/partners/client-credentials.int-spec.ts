import { decodeJwt } from 'jose';
import request from 'supertest';
import { uniqueTag } from '@legal/testing';
import { RunningIdentity, startIdentity } from '../../test/start-identity';
import { DEV_PARTNER_SECRET, DEV_STAFF_PASSWORD } from '../seed/dev-accounts';

describe('partner clients (client_credentials)', () => {
  let identity: RunningIdentity;
  let admin: string;

  beforeAll(async () => {
    identity = await startIdentity(uniqueTag('idpartner'));
    const res = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'password', username: 'dev-admin', password: DEV_STAFF_PASSWORD })
      .expect(200);
    admin = `Bearer ${res.body.access_token}`;
  });
  afterAll(async () => identity?.stop());

  it('registers a client with its agreement, shows the secret once, and issues partner tokens (Basic or body)', async () => {
    const created = await request(identity.url)
      .post('/admin/clients')
      .set('authorization', admin)
      .send({
        clientId: 'heze-procuratorate',
        name: '菏泽市人民检察院',
        agreement: {
          purpose: 'Case status for referred matters',
          topics: [{ topic: 'legal.workorder.changed', fields: ['workOrderId', 'status'] }],
        },
      })
      .expect(201);
    const secret = created.body.clientSecret as string;
    expect(secret).toMatch(/^cs_/);
    const listed = await request(identity.url).get('/admin/clients').set('authorization', admin).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const basic = Buffer.from(`heze-procuratorate:${secret}`).toString('base64');
    const viaBasic = await request(identity.url)
      .post('/token')
      .set('authorization', `Basic ${basic}`)
      .type('form')
      .send({ grant_type: 'client_credentials' })
      .expect(200);
    expect(viaBasic.body.refresh_token).toBeUndefined();
    expect(decodeJwt(viaBasic.body.access_token)).toMatchObject({
      sub: 'heze-procuratorate',
      client_id: 'heze-procuratorate',
      roles: ['partner'],
    });

    const viaBody = await request(identity.url)
      .post('/token')
      .send({ grant_type: 'client_credentials', client_id: 'heze-procuratorate', client_secret: secret })
      .expect(200);
    const agreement = await request(identity.url)
      .get('/partner/agreement')
      .set('authorization', `Bearer ${viaBody.body.access_token}`)
      .expect(200);
    expect(agreement.body).toEqual({
      purpose: 'Case status for referred matters',
      topics: [{ topic: 'legal.workorder.changed', fields: ['workOrderId', 'status'] }],
    });
    await request(identity.url).get('/partner/agreement').set('authorization', admin).expect(403);
  });

  it("binds a partner's tokens to its agency and area: org and region claims from its record", async () => {
    const created = await request(identity.url)
      .post('/admin/clients')
      .set('authorization', admin)
      .send({
        clientId: 'linyi-lanshan-court',
        name: '临沂市兰山区人民法院',
        organisationId: 'org-371302-court',
        regionCode: '371302',
        agreement: { purpose: 'Notified defence', topics: [] },
      })
      .expect(201);
    expect(created.body).toMatchObject({ organisationId: 'org-371302-court', regionCode: '371302' });
    const token = await request(identity.url)
      .post('/token')
      .send({
        grant_type: 'client_credentials',
        client_id: 'linyi-lanshan-court',
        client_secret: created.body.clientSecret,
      })
      .expect(200);
    expect(decodeJwt(token.body.access_token)).toMatchObject({
      sub: 'linyi-lanshan-court',
      roles: ['partner'],
      org: 'org-371302-court',
      region: '371302',
    });
    const bad = await request(identity.url)
      .post('/admin/clients')
      .set('authorization', admin)
      .send({ clientId: 'nowhere-court', name: 'x', regionCode: '110000', agreement: { purpose: 'x', topics: [] } })
      .expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['regionCode']);
  });

  it('refuses wrong secrets and unknown clients with 401 invalid-client', async () => {
    const wrong = await request(identity.url)
      .post('/token')
      .send({ grant_type: 'client_credentials', client_id: 'dev-partner-court', client_secret: 'nope' })
      .expect(401);
    expect(wrong.body).toMatchObject({ code: 'invalid-client', error: 'invalid_client' });
    await request(identity.url)
      .post('/token')
      .send({ grant_type: 'client_credentials', client_id: 'no-such-client', client_secret: 'nope' })
      .expect(401);
    await request(identity.url).post('/token').send({ grant_type: 'client_credentials' }).expect(401);
    await request(identity.url)
      .post('/token')
      .send({ grant_type: 'client_credentials', client_id: 'dev-partner-court', client_secret: DEV_PARTNER_SECRET })
      .expect(200);
  });

  it('validates agreements: only known topics and field paths', async () => {
    const res = await request(identity.url)
      .post('/admin/clients')
      .set('authorization', admin)
      .send({
        clientId: 'X',
        name: 'x',
        agreement: { purpose: 'x', topics: [{ topic: 'legal.secret.stuff', fields: ['a b'] }] },
      })
      .expect(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'agreement.topics[0].fields',
      'agreement.topics[0].topic',
      'clientId',
    ]);
  });

  it('rejects unknown grant types and unknown fields', async () => {
    await request(identity.url).post('/token').send({ grant_type: 'implicit' }).expect(400);
    await request(identity.url)
      .post('/token')
      .send({ grant_type: 'password', username: 'dev-admin', password: DEV_STAFF_PASSWORD, is_admin: true })
      .expect(400);
  });
});
