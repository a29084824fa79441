import { prefixedTopic, TOPICS } from '@legal/contracts';
import { waitForEvent } from '@legal/messaging';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, runningDeadline, TestAuthority, uniqueTag, waitUntil, WorkOrderScript, WorkOrderStreamFixture } from '@legal/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { PortalEnv } from '../config/portal.env';
import { portalService } from '../portal.definition';

const BROKERS = ['127.0.0.1:9092'];

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
    expect(res.body[0]).toEqual(expect.objectContaining({ metadata: false, type: 'realtime', service_name: expect.any(String) }));
  });

  it('round-trips a form-encoded request: id and token at once, open with its case code and agency, closed once resolved', async () => {
    const created = await request(portal.url)
      .post('/open311/v2/requests.json')
      .type('form')
      .set('idempotency-key', randomUUID())
      .send({ service_code: 'legal-aid', description: '老板拖欠工资三万元', address_string: '山东省临沂市兰陵县卞庄街道', lat: '34.86', long: '118.05', first_name: '三', last_name: '张', phone: '13812345678', email: 'zs@example.com' })
      .expect(201);
    expect(created.body).toEqual([{ service_request_id: expect.any(String), token: expect.any(String), service_notice: expect.any(String) }]);
    const id = created.body[0].service_request_id as string;
    const submitted = await waitForEvent(BROKERS, prefixedTopic(tag, TOPICS.intakeSubmitted.name), (e) => (e.data as { intakeId?: string }).intakeId === id);
    expect(submitted.data).toMatchObject({ platform: 'portal', serviceType: 'legal-aid', regionCode: '371324001', applicant: { name: '张三', phone: '13812345678' }, submittedBy: { role: 'open311-client' } });

    const waiting = await request(portal.url).get(`/open311/v2/requests/${id}.json`).set('accept-language', 'en').expect(200);
    expect(waiting.body).toEqual([expect.objectContaining({ service_request_id: id, status: 'open', service_code: 'legal-aid', description: '老板拖欠工资三万元' })]);
    expect(waiting.body[0].service_notice).toBeUndefined();

    const script = new WorkOrderScript({ originPlatform: 'portal', citizen: { phoneLast4: '5678' } });
    await stream.registered({ intakeId: id, platform: 'portal', workOrderId: script.workOrderId, caseCode: script.caseCode, outcome: 'created', possiblyRelatedCaseCodes: [] });
    await stream.changed(script.next('accepted', { organisationId: 'org-371324-legal-aid', organisationName: '兰陵县法律援助中心', handler: 'legal-aid', deadlines: [runningDeadline('legal-aid-decision', 6)] }));
    const open = await waitUntil(async () => {
      const r = await request(portal.url).get(`/open311/v2/requests/${id}.json`).set('accept-language', 'en');
      return r.body[0]?.agency_responsible ? r.body[0] : undefined;
    }, 30000, 'open311 request shows its agency');
    expect(open).toMatchObject({ status: 'open', agency_responsible: '兰陵县法律援助中心', service_notice: `Case code ${script.caseCode}`, expected_datetime: expect.any(String) });
    expect(open.status_notes).toMatch(/a decision is due by/);

    await stream.changed(script.next('resolved'));
    const closed = await waitUntil(async () => {
      const r = await request(portal.url).get(`/open311/v2/requests/${id}.json`);
      return r.body[0]?.status === 'closed' ? r.body[0] : undefined;
    }, 30000, 'open311 request closed');
    expect(Date.parse(closed.updated_datetime)).toBeGreaterThanOrEqual(Date.parse(closed.requested_datetime));
    expect(JSON.stringify(closed)).not.toMatch(/13812345678|zs@example/);
  });

  it('accepts JSON too, takes the region from jurisdiction_id, and names bad fields', async () => {
    const created = await request(portal.url).post('/open311/v2/requests.json').send({ jurisdiction_id: '370102', service_code: 'notarization', description: '办理学历公证' }).expect(201);
    const event = await waitForEvent(BROKERS, prefixedTopic(tag, TOPICS.intakeSubmitted.name), (e) => (e.data as { intakeId?: string }).intakeId === created.body[0].service_request_id);
    expect(event.data).toMatchObject({ regionCode: '370102', serviceType: 'notarization' });
    const bad = await request(portal.url).post('/open311/v2/requests.json').type('form').send({ service_code: 'complaint', lat: 'north', phone: '123' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['description', 'lat', 'phone', 'service_code']);
    const nowhere = await request(portal.url).post('/open311/v2/requests.json').send({ service_code: 'mediation', description: '邻里纠纷' }).expect(400);
    expect(nowhere.body.errors[0].field).toBe('jurisdiction_id');
    await request(portal.url).get(`/open311/v2/requests/${randomUUID()}.json`).expect(404);
  });

  it('hands out the access code once, and never shows the existing case a duplicate was linked to (issue 13 findings 1 and 2)', async () => {
    const created = await request(portal.url).post('/open311/v2/requests.json').send({ jurisdiction_id: '370102', service_code: 'legal-aid', description: '老板拖欠工资', phone: '13812345678' }).expect(201);
    const notice = created.body[0].service_notice as string;
    expect(notice).toMatch(/[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}/);
    const id = created.body[0].service_request_id as string;
    const existing = new WorkOrderScript({ originPlatform: 'hotline', citizen: { phoneLast4: '5678' } });
    await stream.changed(existing.next('accepted', { organisationId: 'org-371324-legal-aid', organisationName: '兰陵县法律援助中心', handler: 'legal-aid' }));
    await stream.registered({ intakeId: id, platform: 'portal', workOrderId: existing.workOrderId, caseCode: existing.caseCode, outcome: 'linked-to-existing', possiblyRelatedCaseCodes: [] });
    const linked = await waitUntil(async () => {
      const r = await request(portal.url).get(`/open311/v2/requests/${id}.json`).set('accept-language', 'en');
      return r.body[0]?.status_notes?.includes('related request') ? r.body[0] : undefined;
    }, 30000, 'open311 request linked');
    expect(linked.service_notice).toBeUndefined();
    expect(linked.agency_responsible).toBeUndefined();
    expect(JSON.stringify(linked)).not.toContain(existing.caseCode);
    expect(JSON.stringify(linked)).not.toContain(notice.match(/[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}/)?.[0] ?? '');
  });
});
