import type { AuthUser } from '@legal/auth';
import { WorkOrderView } from './work-order-view.entity';
import { staffMaySeeWorkOrder, toWorkOrderViewResponse } from './work-order-view.mapper';

function view(overrides: Partial<WorkOrderView> = {}): WorkOrderView {
  return Object.assign(new WorkOrderView(), {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    caseCode: '371321-20261128-000001-7',
    version: 2,
    status: 'accepted',
    serviceType: 'complaint',
    regionCode: '371324',
    organisationId: 'org-supervision',
    organisationName: '兰陵县司法局督查室',
    handler: 'supervision',
    staffId: 'staff-9',
    deadlines: [],
    timeline: [
      {
        seq: 1,
        at: '2026-11-28T02:15:00.000Z',
        action: 'received',
        actorRole: 'citizen',
        actorId: 'citizen-1',
        platform: 'portal',
        note: '投诉律师不回电话',
        status: 'received',
      },
    ],
    nextDueAt: null,
    deadlineBreached: false,
    phoneHash: 'a'.repeat(64),
    phoneLast4: '5678',
    idCardHash: null,
    citizenUserId: 'citizen-1',
    citizenDisplayName: '张*',
    platforms: ['portal'],
    originPlatform: 'portal',
    relatedCaseCode: '371324-20261120-000004-3',
    complaintAgainstOrganisationId: 'org-371324-legal-aid',
    receivedAt: new Date('2026-11-28T02:15:00.000Z'),
    updatedAt: new Date('2026-11-28T02:20:00.000Z'),
    projectedAt: new Date('2026-11-28T02:20:01.000Z'),
    ...overrides,
  });
}

const staff = (organisationId: string, roles: AuthUser['roles'] = ['legal-aid-officer']): AuthUser => ({
  subject: 's',
  roles,
  organisationId,
  regionCode: '371324',
});

describe('toWorkOrderViewResponse', () => {
  it('never shows the complainant to the complained-about organisation', () => {
    const body = toWorkOrderViewResponse(view(), { kind: 'staff', user: staff('org-371324-legal-aid') });
    expect(body.citizen).toBeUndefined();
    expect(body.timeline[0]?.note).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/5678|张\*|投诉律师/);
  });

  it('shows the complainant to the independent unit handling the complaint and to supervisors', () => {
    expect(toWorkOrderViewResponse(view(), { kind: 'staff', user: staff('org-supervision') }).citizen).toEqual({
      phoneLast4: '5678',
      displayName: '张*',
    });
    expect(
      toWorkOrderViewResponse(view(), { kind: 'staff', user: staff('org-x', ['supervisor']) }).citizen,
    ).toBeDefined();
  });

  it('gives public tracking neither identity, notes nor staff ids, and never any hash', () => {
    const body = toWorkOrderViewResponse(view({ serviceType: 'legal-aid' }), { kind: 'public' });
    expect(body.citizen).toBeUndefined();
    expect(body.staffId).toBeUndefined();
    expect(body.timeline[0]).toEqual({
      seq: 1,
      at: '2026-11-28T10:15:00+08:00',
      action: 'received',
      actorRole: 'citizen',
      platform: 'portal',
      status: 'received',
    });
    expect(JSON.stringify(body)).not.toContain('a'.repeat(64));
  });

  it('shows the owner their masked identity and the notes of citizen-facing steps but no staff ids', () => {
    const asked = view().timeline.map((e) => ({ ...e, action: 'needs-info' }));
    const body = toWorkOrderViewResponse(view({ timeline: asked }), { kind: 'citizen' }, { locale: 'en' });
    expect(body.citizen).toEqual({ phoneLast4: '5678', displayName: '张*' });
    expect(body.timeline[0]?.note).toBe('投诉律师不回电话');
    expect(body.timeline[0]?.actorId).toBeUndefined();
    expect(body.complaintAgainstOrganisationId).toBeUndefined();
    expect(body.statusText.headline).toMatch(/^Your complaint/);
  });
});

describe('staffMaySeeWorkOrder (issue 13 finding 7)', () => {
  it('hides a complaint from every role of the organisation it is about, admins excepted', () => {
    expect(staffMaySeeWorkOrder(staff('org-371324-legal-aid'), view())).toBe(false);
    expect(staffMaySeeWorkOrder(staff('org-371324-legal-aid', ['supervisor']), view())).toBe(false);
    expect(staffMaySeeWorkOrder(staff('org-371324-legal-aid', ['admin']), view())).toBe(true);
  });

  it('lets the handling unit, other organisations and staff without an organisation through (jurisdiction is checked apart)', () => {
    expect(staffMaySeeWorkOrder(staff('org-supervision'), view())).toBe(true);
    expect(staffMaySeeWorkOrder(staff('org-371300-legal-aid'), view())).toBe(true);
    expect(staffMaySeeWorkOrder({ subject: 's', roles: ['supervisor'], regionCode: '370000' }, view())).toBe(true);
    expect(
      staffMaySeeWorkOrder(
        staff('org-371324-legal-aid'),
        view({ serviceType: 'legal-aid', complaintAgainstOrganisationId: null }),
      ),
    ).toBe(true);
  });

  it('withholds routing scores and other internal notes from citizens and shows them their times in Beijing time', () => {
    const routed = view({
      serviceType: 'legal-aid',
      complaintAgainstOrganisationId: null,
      deadlines: [
        {
          kind: 'legal-aid-decision',
          dueAt: '2026-12-05T15:59:59.999Z',
          rule: 'calendar-days',
          explanation: '7 days',
          status: 'running',
        },
      ],
      timeline: [
        {
          seq: 1,
          at: '2026-12-04T12:15:00.000Z',
          action: 'received',
          actorRole: 'citizen',
          note: 'service type legal-aid (keywords, confidence 0.93)',
          status: 'received',
        },
        {
          seq: 2,
          at: '2026-12-04T12:15:01.000Z',
          action: 'offered',
          actorRole: 'system',
          note: 'score 0.82 (jurisdiction 0.4, load 0.2)',
          status: 'offered',
        },
        {
          seq: 3,
          at: '2026-12-04T12:16:00.000Z',
          action: 'sent-to-triage',
          actorRole: 'system',
          note: 'confidence 0.41',
          status: 'triage',
        },
        {
          seq: 4,
          at: '2026-12-04T13:00:00.000Z',
          action: 'progress:lawyer-appointed',
          actorRole: 'legal-aid-officer',
          note: '已指派律师',
          status: 'in-progress',
        },
        {
          seq: 5,
          at: '2026-12-04T14:00:00.000Z',
          action: 'transferred-to-12345',
          actorRole: 'hotline-agent',
          note: '转至12345政务服务便民热线办理',
          status: 'closed',
        },
      ],
      receivedAt: new Date('2026-12-04T12:15:00.000Z'),
      updatedAt: new Date('2026-12-04T13:00:00.000Z'),
    });
    const citizen = toWorkOrderViewResponse(
      routed,
      { kind: 'citizen' },
      { now: new Date('2026-12-04T13:00:00Z'), locale: 'en' },
    );
    expect(citizen.timeline.map((e) => e.note)).toEqual([
      undefined,
      undefined,
      undefined,
      '已指派律师',
      '转至12345政务服务便民热线办理',
    ]);
    expect(JSON.stringify(citizen)).not.toMatch(/score|confidence|0\.82/);
    expect(citizen.timeline[0]?.at).toBe('2026-12-04T20:15:00+08:00');
    expect(citizen.receivedAt).toBe('2026-12-04T20:15:00+08:00');
    expect(citizen.updatedAt).toBe('2026-12-04T21:00:00+08:00');
    expect(citizen.deadlines[0]?.dueAt).toBe('2026-12-05T23:59:59+08:00');
    expect(citizen.statusText.expectedBy).toBe('2026-12-05T23:59:59+08:00');
    expect(JSON.stringify(citizen)).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
    const publicView = toWorkOrderViewResponse(routed, { kind: 'public' });
    expect(publicView.timeline[1]?.at).toBe('2026-12-04T20:15:01+08:00');

    const officer = toWorkOrderViewResponse(routed, { kind: 'staff', user: staff('org-371324-legal-aid') });
    expect(officer.timeline[1]?.note).toContain('score 0.82');
    expect(officer.timeline[0]?.at).toBe('2026-12-04T12:15:00.000Z');
    expect(officer.receivedAt).toBe('2026-12-04T12:15:00.000Z');
    expect(officer.deadlines[0]?.dueAt).toBe('2026-12-05T15:59:59.999Z');
  });

  it('shows the citizen of a matter closed by the transfer to 12345 that it was transferred, with the date', () => {
    const transferred = view({
      status: 'closed',
      serviceType: 'legal-aid',
      complaintAgainstOrganisationId: null,
      deadlines: [],
      timeline: [
        { seq: 1, at: '2026-12-04T12:15:00.000Z', action: 'received', actorRole: 'citizen', status: 'received' },
        {
          seq: 2,
          at: '2026-12-04T14:00:00.000Z',
          action: 'transferred-to-12345',
          actorRole: 'hotline-agent',
          status: 'closed',
        },
      ],
      updatedAt: new Date('2026-12-04T14:00:00.000Z'),
    });
    const citizen = toWorkOrderViewResponse(
      transferred,
      { kind: 'citizen' },
      { now: new Date('2026-12-04T15:00:00Z') },
    );
    expect(citizen.statusText.headline).toBe('您的法律援助申请已于12月4日转至12345政务服务便民热线办理。');
    expect(citizen.statusText.nextStep).toMatch(/12345/);
  });
});
