import type { Deadline } from '@legal/contracts';
import { citizenStatusText, formatDueDate } from './citizen-status-text';

const decision: Deadline = {
  kind: 'legal-aid-decision',
  dueAt: '2026-12-05T15:59:59.999Z',
  rule: 'calendar-days',
  explanation: '7 days from 2026-11-28, start day not counted',
  status: 'running',
};
const now = new Date('2026-11-28T03:00:00Z');

describe('citizenStatusText', () => {
  it('tells a legal-aid applicant that the application is being reviewed and when the decision is due', () => {
    const text = citizenStatusText({ status: 'accepted', serviceType: 'legal-aid', deadlines: [decision] }, now, 'en');
    expect(text.headline).toBe('Your legal-aid application is being reviewed; a decision is due by 5 December.');
    expect(text.expectedBy).toBe(decision.dueAt);
    expect(text.nextStep).toMatch(/phone/);
  });

  it('says the same in Chinese, with the handling organisation and the Beijing-time date', () => {
    const text = citizenStatusText(
      { status: 'accepted', serviceType: 'legal-aid', deadlines: [decision], organisationName: '兰陵县法律援助中心' },
      now,
      'zh',
    );
    expect(text.headline).toBe(
      '您的法律援助申请正在由兰陵县法律援助中心审查；将于12月5日前作出是否给予法律援助的决定。',
    );
  });

  it('tells a citizen whose appraisal is under way (司法鉴定) when the institution decides and the opinion is due', () => {
    const org = '临沂市司法鉴定中心';
    const acceptance: Deadline = { ...decision, kind: 'judicial-appraisal-acceptance', rule: 'working-days' };
    const term: Deadline = { ...acceptance, kind: 'judicial-appraisal-term', dueAt: '2026-12-17T15:59:59.999Z' };
    const serviceType = 'judicial-appraisal';
    const received = citizenStatusText(
      { status: 'accepted', serviceType, deadlines: [acceptance], organisationName: org },
      now,
      'zh',
    );
    expect(received.headline).toBe('您的司法鉴定申请正在由临沂市司法鉴定中心审查；鉴定机构将于12月5日前决定是否受理。');
    const underWay = citizenStatusText({ status: 'in-progress', serviceType, deadlines: [term] }, now, 'en');
    expect(underWay.headline).toBe(
      'Your judicial-appraisal request is being handled; the appraisal opinion is due by 17 December.',
    );
  });

  it('uses the earliest running deadline and ignores met or cancelled ones', () => {
    const appointment: Deadline = { ...decision, kind: 'lawyer-appointment', dueAt: '2026-12-02T15:59:59.999Z' };
    const met: Deadline = { ...decision, kind: 'callback', dueAt: '2026-11-29T00:00:00.000Z', status: 'met' };
    const text = citizenStatusText(
      { status: 'in-progress', serviceType: 'legal-aid', deadlines: [decision, met, appointment] },
      now,
      'en',
    );
    expect(text.headline).toContain('a lawyer will be appointed by 2 December');
    expect(text.expectedBy).toBe(appointment.dueAt);
  });

  it('says a passed deadline is overdue instead of promising it', () => {
    const text = citizenStatusText(
      {
        status: 'accepted',
        serviceType: 'notarization',
        deadlines: [{ ...decision, kind: 'notarization-certificate' }],
      },
      new Date('2026-12-07T00:00:00Z'),
      'en',
    );
    expect(text.headline).toBe(
      'Your notarization application is being reviewed; it was due by 5 December and is overdue, so a supervisor has been alerted.',
    );
    const zh = citizenStatusText(
      { status: 'in-progress', serviceType: 'mediation', deadlines: [{ ...decision, status: 'breached' }] },
      now,
      'zh',
    );
    expect(zh.headline).toContain('现已超期');
  });

  it('asks for an evaluation once resolved and shows no date', () => {
    const text = citizenStatusText({ status: 'resolved', serviceType: 'mediation', deadlines: [decision] }, now, 'en');
    expect(text.headline).toBe('Your mediation request has been resolved.');
    expect(text.nextStep).toMatch(/rate the service/);
    expect(text.expectedBy).toBeUndefined();
  });

  it('asks the citizen for information while the work order waits for them', () => {
    const text = citizenStatusText(
      { status: 'waiting-applicant', serviceType: 'notarization', deadlines: [{ ...decision, status: 'paused' }] },
      now,
      'zh',
    );
    expect(text.headline).toBe('您的公证申请需要您补充信息。');
    expect(text.nextStep).toContain('补充');
  });

  it('dates every stage without a running deadline by its last change, in Beijing time (lawyer appointed, resolved)', () => {
    const appointed = {
      status: 'in-progress',
      serviceType: 'legal-aid',
      deadlines: [],
      organisationName: '兰陵县法律援助中心',
    };
    const updatedAt = new Date('2026-12-03T17:30:00Z');
    expect(citizenStatusText({ ...appointed, updatedAt }, now, 'zh').headline).toBe(
      '您的法律援助申请正在由兰陵县法律援助中心办理（12月4日更新）。',
    );
    expect(citizenStatusText({ ...appointed, updatedAt }, now, 'en').headline).toBe(
      'Your legal-aid application is being handled by 兰陵县法律援助中心 (updated 4 December).',
    );
    const resolved = citizenStatusText(
      { status: 'resolved', serviceType: 'mediation', deadlines: [], updatedAt: '2027-01-02T02:00:00Z' },
      now,
      'en',
    );
    expect(resolved.headline).toBe('Your mediation request has been resolved (updated 2 January 2027).');
    for (const status of [
      'received',
      'triage',
      'offered',
      'accepted',
      'waiting-applicant',
      'closed',
      'rejected',
      'cancelled',
      'merged',
    ]) {
      expect(
        citizenStatusText({ status, serviceType: 'legal-aid', deadlines: [], updatedAt }, now, 'zh').headline,
      ).toContain('12月4日');
    }
  });

  it('has a sentence for every status and falls back for unknown ones', () => {
    for (const status of [
      'received',
      'triage',
      'offered',
      'reopened',
      'supervisor-queue',
      'rejected',
      'cancelled',
      'merged',
      'closed',
    ]) {
      for (const locale of ['zh', 'en'] as const) {
        const text = citizenStatusText({ status, serviceType: 'complaint', deadlines: [] }, now, locale);
        expect(text.headline.length).toBeGreaterThan(5);
        expect(text.nextStep.length).toBeGreaterThan(5);
      }
    }
    expect(
      citizenStatusText({ status: 'something-new', serviceType: 'unknown', deadlines: [] }, now, 'en').headline,
    ).toBe('Your request is being handled.');
  });
});

describe('formatDueDate', () => {
  it('formats in Beijing time and adds the year only when it differs', () => {
    expect(formatDueDate(new Date('2026-12-31T16:30:00Z'), now, 'en')).toBe('1 January 2027');
    expect(formatDueDate(new Date('2026-12-31T16:30:00Z'), now, 'zh')).toBe('2027年1月1日');
    expect(formatDueDate(new Date('2026-12-31T15:30:00Z'), now, 'zh')).toBe('12月31日');
  });

  it('tells a citizen whose matter was transferred out to 12345 when it went and what to expect, not 已结案', () => {
    const timeline = [
      { action: 'received', at: '2026-12-03T02:00:00.000Z' },
      { action: 'transferred-to-12345', at: '2026-12-04T17:30:00.000Z' },
    ];
    const source = {
      status: 'closed',
      serviceType: 'legal-aid',
      deadlines: [],
      timeline,
      updatedAt: '2026-12-04T17:30:00.000Z',
    };
    const zh = citizenStatusText(source, new Date('2026-12-04T18:00:00Z'), 'zh');
    expect(zh.headline).toBe('您的法律援助申请已于12月5日转至12345政务服务便民热线办理。');
    expect(zh.headline).not.toMatch(/已结案/);
    expect(zh.nextStep).toMatch(/12345热线将与您联系/);
    const en = citizenStatusText(source, new Date('2026-12-04T18:00:00Z'), 'en');
    expect(en.headline).toBe(
      'Your legal-aid application was transferred to the 12345 government service hotline on 5 December.',
    );
    expect(en.nextStep).toMatch(/12345 hotline will contact you/);
  });

  it('keeps the ordinary closed text when the matter was reopened after a transfer and closed otherwise', () => {
    const timeline = [
      { action: 'transferred-to-12345', at: '2026-12-04T02:00:00.000Z' },
      { action: 'closed', at: '2026-12-05T02:00:00.000Z' },
    ];
    const text = citizenStatusText(
      { status: 'closed', serviceType: 'legal-aid', deadlines: [], timeline, updatedAt: '2026-12-05T02:00:00.000Z' },
      now,
      'zh',
    );
    expect(text.headline).toBe('您的法律援助申请已结案（12月5日更新）。');
  });
});
