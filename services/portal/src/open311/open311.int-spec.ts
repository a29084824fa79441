import { prefixedTopic, TOPICS } from '@legal/contracts';
import { waitForEvent } from '@legal/messaging';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import {
  isolatedOverrides,
  runningDeadline,
  TestAuthority,
  uniqueTag,
  waitUntil,
  WorkOrderScript,
  WorkOrderStreamFixture,
} from '@legal/testing';
import { XMLParser } from 'fast-xml-parser';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { PortalEnv } from '../config/portal.env';
import { portalService } from '../portal.definition';

const BROKERS = ['127.0.0.1:9092'];

/**
 * The field lists of the GeoReport v2 specification (wiki.open311.org/GeoReport_v2), per endpoint,
 * as the JSON format names them. Every answer must carry each of them (null when unknown).
 */
const GEOREPORT_FIELDS = {
  service: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  serviceDefinition: ['service_code', 'attributes'],
  attribute: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
  createdRequest: ['service_request_id', 'token', 'service_notice'],
  token: ['service_request_id', 'token'],
  request: [
    'service_request_id',
    'status',
    'status_notes',
    'service_name',
    'service_code',
    'description',
    'agency_responsible',
    'service_notice',
    'requested_datetime',
    'updated_datetime',
    'expected_datetime',
    'address',
    'address_id',
    'zipcode',
    'lat',
    'long',
    'media_url',
  ],
  error: ['code', 'description'],
} as const;

/**
 * The XML documents of GeoReport v2: root element, item element and the item's child elements, in the
 * specification's order (the same names as the JSON fields).
 */
const GEOREPORT_XML = {
  services: { root: 'services', item: 'service', fields: GEOREPORT_FIELDS.service },
  serviceDefinition: { root: 'service_definition', fields: GEOREPORT_FIELDS.serviceDefinition },
  createdRequest: { root: 'service_requests', item: 'request', fields: GEOREPORT_FIELDS.createdRequest },
  token: { root: 'service_requests', item: 'request', fields: GEOREPORT_FIELDS.token },
  request: { root: 'service_requests', item: 'request', fields: GEOREPORT_FIELDS.request },
  error: { root: 'errors', item: 'error', fields: GEOREPORT_FIELDS.error },
} as const;

const xmlParser = new XMLParser({
  parseTagValue: false,
  preserveOrder: false,
  ignoreDeclaration: true,
  isArray: (_name, jpath) => ['services.service', 'service_requests.request', 'errors.error'].includes(String(jpath)),
});

/** The items of a GeoReport XML answer: checks content type, root, item and field element names (in order). */
function xmlItems(
  res: { headers: Record<string, string>; text: string },
  doc: { root: string; item?: string; fields: readonly string[] },
): Record<string, string>[] {
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const parsed = xmlParser.parse(res.text) as Record<string, unknown>;
  expect(Object.keys(parsed)).toEqual([doc.root]);
  const root = parsed[doc.root];
  const items = (doc.item ? ((root as Record<string, unknown>)[doc.item] ?? []) : [root]) as Record<string, string>[];
  for (const item of items) expect(Object.keys(item)).toEqual([...doc.fields]);
  return items;
}

/** A JSON answer as its XML text reads: null → empty, booleans and numbers as written. */
function asXmlText(item: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** Every field of the list is a key of the object (a value may be null). */
function expectFields(body: unknown, fields: readonly string[]): void {
  expect(Object.keys(body as object).sort()).toEqual(expect.arrayContaining([...fields].sort()));
  for (const field of fields) expect(body).toHaveProperty([field]);
}

jest.setTimeout(120_000);

describe('Open311 GeoReport v2 on the portal (real stack)', () => {
  const tag = uniqueTag('po311');
  let portal: RunningService<PortalEnv>;
  let stream: WorkOrderStreamFixture;

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    portal = await startService(portalService, isolatedOverrides(tag, 'portal', auth.env));
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
  });

  afterAll(async () => {
    await stream?.close();
    await portal?.stop();
  });

  it('lists the services a citizen may request', async () => {
    const res = await request(portal.url).get('/open311/v2/services.json').set('accept-language', 'en').expect(200);
    const codes = res.body.map((s: { service_code: string }) => s.service_code);
    expect(codes).toEqual(expect.arrayContaining(['legal-aid', 'mediation', 'notarization', 'legal-consultation']));
    expect(codes).not.toContain('complaint');
    expect(res.body[0]).toEqual(
      expect.objectContaining({ metadata: false, type: 'realtime', service_name: expect.any(String) }),
    );
  });

  it('round-trips a form-encoded request: id and token at once, open with its case code and agency, closed once resolved', async () => {
    const created = await request(portal.url)
      .post('/open311/v2/requests.json')
      .type('form')
      .set('idempotency-key', randomUUID())
      .send({
        service_code: 'legal-aid',
        description: '老板拖欠工资三万元',
        address_string: '山东省临沂市兰陵县卞庄街道',
        lat: '34.86',
        long: '118.05',
        first_name: '三',
        last_name: '张',
        phone: '13812345678',
        email: 'zs@example.com',
      })
      .expect(201);
    expect(created.body).toEqual([
      { service_request_id: expect.any(String), token: expect.any(String), service_notice: expect.any(String) },
    ]);
    const id = created.body[0].service_request_id as string;
    const submitted = await waitForEvent(
      BROKERS,
      prefixedTopic(tag, TOPICS.intakeSubmitted.name),
      (e) => (e.data as { intakeId?: string }).intakeId === id,
    );
    expect(submitted.data).toMatchObject({
      platform: 'portal',
      serviceType: 'legal-aid',
      regionCode: '371324001',
      applicant: { name: '张三', phone: '13812345678' },
      submittedBy: { role: 'open311-client' },
    });

    const waiting = await request(portal.url)
      .get(`/open311/v2/requests/${id}.json`)
      .set('accept-language', 'en')
      .expect(200);
    expect(waiting.body).toEqual([
      expect.objectContaining({
        service_request_id: id,
        status: 'open',
        service_code: 'legal-aid',
        description: '老板拖欠工资三万元',
      }),
    ]);
    expect(waiting.body[0].service_notice).toBeNull();
    expect(waiting.body[0]).toMatchObject({
      lat: 34.86,
      long: 118.05,
      requested_datetime: expect.stringMatching(/\+08:00$/),
    });

    const script = new WorkOrderScript({ originPlatform: 'portal', citizen: { phoneLast4: '5678' } });
    await stream.registered({
      intakeId: id,
      platform: 'portal',
      workOrderId: script.workOrderId,
      caseCode: script.caseCode,
      outcome: 'created',
      possiblyRelatedCaseCodes: [],
    });
    await stream.changed(
      script.next('accepted', {
        organisationId: 'org-371324-legal-aid',
        organisationName: '兰陵县法律援助中心',
        handler: 'legal-aid',
        deadlines: [runningDeadline('legal-aid-decision', 6)],
      }),
    );
    const open = await waitUntil(
      async () => {
        const r = await request(portal.url).get(`/open311/v2/requests/${id}.json`).set('accept-language', 'en');
        return r.body[0]?.agency_responsible ? r.body[0] : undefined;
      },
      30000,
      'open311 request shows its agency',
    );
    expect(open).toMatchObject({
      status: 'open',
      agency_responsible: '兰陵县法律援助中心',
      service_notice: `Case code ${script.caseCode}`,
      expected_datetime: expect.any(String),
    });
    expect(open.status_notes).toMatch(/a decision is due by/);

    await stream.changed(script.next('resolved'));
    const closed = await waitUntil(
      async () => {
        const r = await request(portal.url).get(`/open311/v2/requests/${id}.json`);
        return r.body[0]?.status === 'closed' ? r.body[0] : undefined;
      },
      30000,
      'open311 request closed',
    );
    expect(Date.parse(closed.updated_datetime)).toBeGreaterThanOrEqual(Date.parse(closed.requested_datetime));
    expect(JSON.stringify(closed)).not.toMatch(/13812345678|zs@example/);
  });

  it('accepts JSON too, takes the region from jurisdiction_id, and names bad fields', async () => {
    const created = await request(portal.url)
      .post('/open311/v2/requests.json')
      .send({ jurisdiction_id: '370102', service_code: 'notarization', description: '办理学历公证' })
      .expect(201);
    const event = await waitForEvent(
      BROKERS,
      prefixedTopic(tag, TOPICS.intakeSubmitted.name),
      (e) => (e.data as { intakeId?: string }).intakeId === created.body[0].service_request_id,
    );
    expect(event.data).toMatchObject({ regionCode: '370102', serviceType: 'notarization' });
    const bad = await request(portal.url)
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ service_code: 'complaint', lat: 'north', phone: '123' })
      .expect(400);
    const named = (bad.body as { code: number; description: string }[]).map((e) => e.description.split(':')[0]).sort();
    expect(named).toEqual(['description', 'lat', 'phone', 'service_code']);
    expect(bad.body.every((e: { code: number }) => e.code === 400)).toBe(true);
    const nowhere = await request(portal.url)
      .post('/open311/v2/requests.json')
      .send({ service_code: 'mediation', description: '邻里纠纷' })
      .expect(400);
    expect(nowhere.body[0].description).toMatch(/^jurisdiction_id: /);
  });

  it('hands out the access code once, and never shows the existing case a duplicate was linked to (issue 13 findings 1 and 2)', async () => {
    const created = await request(portal.url)
      .post('/open311/v2/requests.json')
      .send({ jurisdiction_id: '370102', service_code: 'legal-aid', description: '老板拖欠工资', phone: '13812345678' })
      .expect(201);
    const notice = created.body[0].service_notice as string;
    expect(notice).toMatch(/[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}/);
    const id = created.body[0].service_request_id as string;
    const existing = new WorkOrderScript({ originPlatform: 'hotline', citizen: { phoneLast4: '5678' } });
    await stream.changed(
      existing.next('accepted', {
        organisationId: 'org-371324-legal-aid',
        organisationName: '兰陵县法律援助中心',
        handler: 'legal-aid',
      }),
    );
    await stream.registered({
      intakeId: id,
      platform: 'portal',
      workOrderId: existing.workOrderId,
      caseCode: existing.caseCode,
      outcome: 'linked-to-existing',
      possiblyRelatedCaseCodes: [],
    });
    const linked = await waitUntil(
      async () => {
        const r = await request(portal.url).get(`/open311/v2/requests/${id}.json`).set('accept-language', 'en');
        return r.body[0]?.status_notes?.includes('related request') ? r.body[0] : undefined;
      },
      30000,
      'open311 request linked',
    );
    expect(linked.service_notice).toBeNull();
    expect(linked.agency_responsible).toBeNull();
    expect(JSON.stringify(linked)).not.toContain(existing.caseCode);
    expect(JSON.stringify(linked)).not.toContain(notice.match(/[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}/)?.[0] ?? '');
  });

  it('answers every endpoint with every field of the GeoReport v2 field lists, errors included', async () => {
    const services = await request(portal.url).get('/open311/v2/services.json').expect(200);
    for (const service of services.body) expectFields(service, GEOREPORT_FIELDS.service);
    const definition = await request(portal.url).get('/open311/v2/services/legal-aid.json').expect(200);
    expectFields(definition.body, GEOREPORT_FIELDS.serviceDefinition);
    expect(definition.body).toEqual({ service_code: 'legal-aid', attributes: [] });
    for (const attribute of definition.body.attributes) expectFields(attribute, GEOREPORT_FIELDS.attribute);

    const created = await request(portal.url)
      .post('/open311/v2/requests.json')
      .send({
        jurisdiction_id: '371324',
        service_code: 'mediation',
        description: '邻居占用通道',
        lat: 34.861234,
        long: 118.051234,
      })
      .expect(201);
    expectFields(created.body[0], GEOREPORT_FIELDS.createdRequest);
    const { service_request_id: id, token } = created.body[0] as { service_request_id: string; token: string };
    const byToken = await request(portal.url).get(`/open311/v2/tokens/${token}.json`).expect(200);
    expect(byToken.body).toHaveLength(1);
    expectFields(byToken.body[0], GEOREPORT_FIELDS.token);
    expect(byToken.body[0]).toEqual({ service_request_id: id, token });

    const one = await request(portal.url).get(`/open311/v2/requests/${id}.json`).expect(200);
    expectFields(one.body[0], GEOREPORT_FIELDS.request);
    expect(one.body[0]).toMatchObject({ lat: 34.861234, long: 118.051234, status: 'open', service_code: 'mediation' });
    const listed = await request(portal.url)
      .get('/open311/v2/requests.json')
      .query({ service_request_id: id })
      .expect(200);
    expect(listed.body).toHaveLength(1);
    expectFields(listed.body[0], GEOREPORT_FIELDS.request);

    for (const path of [
      `/open311/v2/requests/${randomUUID()}.json`,
      '/open311/v2/services/no-such-service.json',
      `/open311/v2/tokens/${randomUUID()}.json`,
    ]) {
      const missing = await request(portal.url).get(path).expect(404);
      expect(Array.isArray(missing.body)).toBe(true);
      expectFields(missing.body[0], GEOREPORT_FIELDS.error);
      expect(missing.body[0].code).toBe(404);
    }
    const badFilter = await request(portal.url)
      .get('/open311/v2/requests.json')
      .query({ status: 'pending', start_date: 'yesterday' })
      .expect(400);
    expect((badFilter.body as { description: string }[]).map((e) => e.description.split(':')[0]).sort()).toEqual([
      'start_date',
      'status',
    ]);
    for (const e of badFilter.body) expectFields(e, GEOREPORT_FIELDS.error);
  });

  it('lists requests with the spec filters, newest first, without personal data and with rounded coordinates', async () => {
    const submit = async (body: Record<string, unknown>): Promise<string> => {
      const r = await request(portal.url).post('/open311/v2/requests.json').send(body).expect(201);
      return r.body[0].service_request_id as string;
    };
    const wage = await submit({
      jurisdiction_id: '371324',
      service_code: 'legal-aid',
      description: '我叫李四，电话13912345678，老板拖欠工资',
      first_name: '四',
      last_name: '李',
      phone: '13912345678',
      email: 'ls@example.com',
      address_string: '兰陵县卞庄街道幸福路8号',
      lat: 34.861234,
      long: 118.051234,
    });
    const deed = await submit({
      jurisdiction_id: '370102',
      service_code: 'notarization',
      description: '办理房产继承公证',
    });
    const script = new WorkOrderScript({ originPlatform: 'portal', citizen: { phoneLast4: '5678' } });
    await stream.registered({
      intakeId: wage,
      platform: 'portal',
      workOrderId: script.workOrderId,
      caseCode: script.caseCode,
      outcome: 'created',
      possiblyRelatedCaseCodes: [],
    });
    await stream.changed(
      script.next('accepted', {
        organisationId: 'org-371324-legal-aid',
        organisationName: '兰陵县法律援助中心',
        handler: 'legal-aid',
      }),
    );
    await stream.changed(script.next('resolved'));
    await waitUntil(
      async () => {
        const r = await request(portal.url).get(`/open311/v2/requests/${wage}.json`);
        return r.body[0]?.status === 'closed' || undefined;
      },
      30000,
      'wage request closed',
    );

    const both = await request(portal.url)
      .get('/open311/v2/requests.json')
      .query({ service_request_id: `${wage},${deed}` })
      .expect(200);
    expect(both.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([deed, wage]);
    const wageListed = both.body[1];
    expect(wageListed).toMatchObject({
      status: 'closed',
      agency_responsible: '兰陵县法律援助中心',
      description: null,
      address: null,
      service_notice: null,
      lat: 34.86,
      long: 118.05,
    });
    expect(JSON.stringify(both.body)).not.toMatch(/13912345678|ls@example|李四|幸福路|拖欠工资/);
    expect(JSON.stringify(both.body)).not.toContain(script.caseCode);

    const ours = (body: { service_request_id: string }[]): string[] =>
      body.map((r) => r.service_request_id).filter((r) => r === wage || r === deed);
    expect(
      ours(
        (await request(portal.url).get('/open311/v2/requests.json').query({ service_code: 'notarization' }).expect(200))
          .body,
      ),
    ).toEqual([deed]);
    expect(
      ours(
        (
          await request(portal.url)
            .get('/open311/v2/requests.json')
            .query({ service_code: 'legal-aid,notarization' })
            .expect(200)
        ).body,
      ),
    ).toEqual([deed, wage]);
    expect(
      ours((await request(portal.url).get('/open311/v2/requests.json').query({ status: 'closed' }).expect(200)).body),
    ).toEqual([wage]);
    expect(
      ours((await request(portal.url).get('/open311/v2/requests.json').query({ status: 'open' }).expect(200)).body),
    ).toEqual([deed]);
    expect(
      ours(
        (await request(portal.url).get('/open311/v2/requests.json').query({ jurisdiction_id: '370102' }).expect(200))
          .body,
      ),
    ).toEqual([deed]);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(
      ours((await request(portal.url).get('/open311/v2/requests.json').query({ start_date: future }).expect(200)).body),
    ).toEqual([]);
    const past = new Date(Date.now() - 3600_000).toISOString();
    expect(
      ours(
        (
          await request(portal.url)
            .get('/open311/v2/requests.json')
            .query({ start_date: past, end_date: future })
            .expect(200)
        ).body,
      ),
    ).toEqual([deed, wage]);
    expect(
      ours((await request(portal.url).get('/open311/v2/requests.json').query({ end_date: past }).expect(200)).body),
    ).toEqual([]);
    const reversed = await request(portal.url)
      .get('/open311/v2/requests.json')
      .query({ start_date: future, end_date: past })
      .expect(400);
    expect(reversed.body[0]).toEqual({ code: 400, description: expect.stringMatching(/^start_date: /) });
  });

  it('answers every endpoint in GeoReport XML too: the specification’s elements, the same data as the JSON, errors as <errors>', async () => {
    const jsonServices = await request(portal.url).get('/open311/v2/services.json').set('accept-language', 'en');
    const xmlServices = await request(portal.url)
      .get('/open311/v2/services.xml')
      .set('accept-language', 'en')
      .expect(200);
    const services = xmlItems(xmlServices, GEOREPORT_XML.services);
    expect(services).toEqual((jsonServices.body as Record<string, unknown>[]).map(asXmlText));
    expect(services.length).toBeGreaterThan(0);

    const definition = await request(portal.url).get('/open311/v2/services/legal-aid.xml').expect(200);
    expect(xmlItems(definition, GEOREPORT_XML.serviceDefinition)).toEqual([
      { service_code: 'legal-aid', attributes: '' },
    ]);

    // Form-encoded, as GeoReport clients send it; text that must be escaped comes back intact.
    const description = '邻居 <占用> 通道 & 楼道 "堆物" \'不清\'';
    const created = await request(portal.url)
      .post('/open311/v2/requests.xml')
      .type('form')
      .send({ jurisdiction_id: '371324', service_code: 'mediation', description, lat: '34.861234', long: '118.051234' })
      .expect(201);
    const [createdItem] = xmlItems(created, GEOREPORT_XML.createdRequest);
    const id = createdItem!.service_request_id!;
    const token = createdItem!.token!;

    const byToken = await request(portal.url).get(`/open311/v2/tokens/${token}.xml`).expect(200);
    expect(xmlItems(byToken, GEOREPORT_XML.token)).toEqual([{ service_request_id: id, token }]);

    const jsonOne = await request(portal.url).get(`/open311/v2/requests/${id}.json`).expect(200);
    const xmlOne = await request(portal.url).get(`/open311/v2/requests/${id}.xml`).expect(200);
    expect(xmlOne.text).toContain('&lt;占用&gt; 通道 &amp; 楼道 &quot;堆物&quot;');
    expect(xmlItems(xmlOne, GEOREPORT_XML.request)).toEqual((jsonOne.body as Record<string, unknown>[]).map(asXmlText));
    expect(xmlItems(xmlOne, GEOREPORT_XML.request)[0]).toMatchObject({ description, lat: '34.861234', status: 'open' });

    const jsonList = await request(portal.url).get('/open311/v2/requests.json').query({ service_request_id: id });
    const xmlList = await request(portal.url)
      .get('/open311/v2/requests.xml')
      .query({ service_request_id: id })
      .expect(200);
    expect(xmlItems(xmlList, GEOREPORT_XML.request)).toEqual(
      (jsonList.body as Record<string, unknown>[]).map(asXmlText),
    );

    for (const path of [
      `/open311/v2/requests/${randomUUID()}.xml`,
      '/open311/v2/services/no-such-service.xml',
      `/open311/v2/tokens/${randomUUID()}.xml`,
    ]) {
      const missing = await request(portal.url).get(path).expect(404);
      expect(xmlItems(missing, GEOREPORT_XML.error)).toEqual([expect.objectContaining({ code: '404' })]);
    }
    const badFilter = await request(portal.url)
      .get('/open311/v2/requests.xml')
      .query({ status: 'pending', start_date: 'yesterday' })
      .expect(400);
    const errors = xmlItems(badFilter, GEOREPORT_XML.error);
    expect(errors.map((e) => e.description!.split(':')[0]).sort()).toEqual(['start_date', 'status']);
    const badPost = await request(portal.url)
      .post('/open311/v2/requests.xml')
      .type('form')
      .send({ service_code: 'no-such', description: '' })
      .expect(400);
    expect(xmlItems(badPost, GEOREPORT_XML.error).length).toBeGreaterThan(0);
    const badId = await request(portal.url).get('/open311/v2/requests/not-a-uuid.xml').expect(400);
    expect(xmlItems(badId, GEOREPORT_XML.error)[0]).toMatchObject({ code: '400' });
  });
});
