import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dropSchema } from '@legal/persistence';
import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import { RunningIdentity, startIdentity } from '../../services/identity/test/start-identity';
import { hotlineService } from '../../services/hotline/src/hotline.definition';
import { portalService } from '../../services/portal/src/portal.definition';

const NUL = '\u0000';

/**
 * Finding 3 of the hardening issue: anonymous input that reached PostgreSQL or a recursive walk
 * answered 500. One guard in the service kit refuses control characters in bodies, query strings and
 * path parameters (400 naming each field) and JSON nested too deep before it is parsed.
 */
describe('global input guard (real services)', () => {
  let auth: TestAuthority;
  let portal: RunningService;
  let hotline: RunningService;
  let identity: RunningIdentity;

  const count = async (service: RunningService, table: string): Promise<number> => {
    const [row] = (await service.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM "${service.env.DB_SCHEMA}"."${table}"`)) as { n: number }[];
    return row?.n ?? -1;
  };
  const expectFieldRefused = (res: request.Response, ...fields: string[]): void => {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, code: 'validation-failed' });
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([...fields].sort());
    expect(res.body.errors[0].codes).toEqual(['noControlCharacters']);
  };
  /** Open311 routes answer errors the GeoReport v2 way: an array of { code, description }, one per field. */
  const expectGeoReportRefused = (res: request.Response, field: RegExp): void => {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/json');
    const errors = res.body as { code: number; description: string }[];
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe(400);
    expect(errors[0]?.description).toMatch(field);
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    const tag = uniqueTag('inputguard');
    portal = await startService(portalService, isolatedOverrides(tag, 'portal', auth.env));
    hotline = await startService(hotlineService, isolatedOverrides(tag, 'hotline', auth.env));
    identity = await startIdentity(tag, { SEED_DEV_USERS: false });
  });
  afterAll(async () => {
    for (const s of [portal, hotline]) {
      await s?.stop();
      if (s) await dropSchema(s.env.DATABASE_URL, s.env.DB_SCHEMA);
    }
    await identity?.stop();
  });

  it('Open311 (form-encoded): NUL in the description is a 400 naming it (GeoReport error array), and nothing is stored', async () => {
    const res = await request(portal.url)
      .post('/open311/v2/requests.json')
      .type('form')
      .set('idempotency-key', randomUUID())
      .send({
        service_code: 'legal-aid',
        description: `老板拖欠工资${NUL}三万元`,
        address_string: '山东省临沂市兰陵县卞庄街道',
        lat: '34.86',
        long: '118.05',
        first_name: '三',
        last_name: '张',
        phone: '13812345678',
      });
    expectGeoReportRefused(res, /^description: /);
    expect(await count(portal, 'portal_submission')).toBe(0);
    expect(await count(portal, 'outbox_message')).toBe(0);
  });

  it('portal submission (JSON): control characters in nested fields are each named, nothing is stored', async () => {
    const res = await request(portal.url)
      .post('/portal/requests')
      .send({
        serviceType: 'legal-aid',
        regionCode: '371324101',
        description: `在工地干了半年活${NUL}老板拖欠工资`,
        contact: { name: `张\u0007三`, phone: '138 1234 5678' },
        attachments: [{ name: `欠条${NUL}.jpg`, mediaType: 'image/jpeg', sizeBytes: 120000 }],
      });
    expectFieldRefused(res, 'description', 'contact.name', 'attachments[0].name');
    expect(await count(portal, 'portal_submission')).toBe(0);
    expect(await count(portal, 'outbox_message')).toBe(0);
  });

  it('hotline call: NUL in the caller name is a 400 naming it, nothing is stored; tab and line breaks stay allowed', async () => {
    const agent = await auth.bearer({ sub: 'agent-9', roles: ['hotline-agent'], region: '370000' });
    const body = {
      callerPhone: '13812345678',
      callerName: `张${NUL}`,
      regionCode: '371324101',
      description: '老板拖欠工资三万元不给',
      serviceType: 'legal-aid',
      urgency: 'normal',
      outcome: 'follow-up',
    };
    expectFieldRefused(await request(hotline.url).post('/calls').set('authorization', agent).send(body), 'callerName');
    expect(await count(hotline, 'hotline_call')).toBe(0);
    await request(hotline.url)
      .post('/calls')
      .set('authorization', agent)
      .send({ ...body, callerName: '张三', description: '第一行\n第二行\r\n\t缩进' })
      .expect(201);
    expect(await count(hotline, 'hotline_call')).toBe(1);
  });

  it('query strings and path parameters are guarded too', async () => {
    expectGeoReportRefused(
      await request(portal.url)
        .get('/open311/v2/services.json')
        .query({ jurisdiction_id: `x${NUL}` }),
      /^query\.jurisdiction_id: /,
    );
    expectGeoReportRefused(await request(portal.url).get('/open311/v2/requests/abc%00def.json'), /^path\./);
  });

  it('a JSON body nested 20,000 levels deep is refused before parsing; identity stays up', async () => {
    const readyBefore = (await request(identity.url).get('/health/ready')).status;
    const deep = `{"grant_type":"password","username":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const res = await request(identity.url).post('/token').set('content-type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, code: 'body-too-deep' });
    // 32 levels are fine as far as the guard goes (the token endpoint then refuses the shape, not with a 5xx).
    const shallow = await request(identity.url)
      .post('/token')
      .set('content-type', 'application/json')
      .send(`{"grant_type":"password","username":${'['.repeat(30)}${']'.repeat(30)}}`);
    expect(shallow.status).toBeGreaterThanOrEqual(400);
    expect(shallow.status).toBeLessThan(500);
    expect(shallow.body.code).not.toBe('body-too-deep');
    expect((await request(identity.url).get('/health/live')).status).toBe(200);
    expect((await request(identity.url).get('/health/ready')).status).toBe(readyBefore);
  });
});
