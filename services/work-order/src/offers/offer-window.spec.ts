import { DutySchedule, OFFICE_HOURS, ROUND_THE_CLOCK } from '../organisations/duty-schedule';
import { isUrgentMatter, OfferWindow, offerWindow } from './offer-window';

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string): Date => new Date(`${local}:00+08:00`);
const FOUR_HOURS = 4 * 3600;

function office(local: string, windowSeconds: number, dutyHours: DutySchedule = OFFICE_HOURS): OfferWindow {
  return offerWindow({ offeredAt: shanghai(local), windowSeconds, dutyHours, urgent: false });
}

describe('offerWindow (offers in office time)', () => {
  it('lets an offer made Friday 23:32 to an office run into Monday office hours, not expire 03:32 Saturday', () => {
    const w = office('2026-12-04T23:32', FOUR_HOURS);
    // Monday 2026-12-07: 08:30-12:00 (3.5 h) + 13:30-14:00 (0.5 h)
    expect(w.expiresAt).toEqual(shanghai('2026-12-07T14:00'));
    expect(w.explanation).toContain('counted 2026-12-07 08:30-12:00, 2026-12-07 13:30-14:00');
  });

  it('counts the office hours left on a holiday eve and resumes after the National Day holidays', () => {
    const w = office('2026-09-30T16:00', FOUR_HOURS);
    // 16:00-17:30 on 30 September (1.5 h), 1-7 October off, 2.5 h from 08:30 on Thursday 8 October
    expect(w.expiresAt).toEqual(shanghai('2026-10-08T11:00'));
  });

  it('counts an adjusted working Saturday (调休) as office time', () => {
    const w = office('2026-10-09T17:00', 3 * 3600);
    // 17:00-17:30 Friday, then Saturday 2026-10-10 is a working day under the National Day notice
    expect(w.expiresAt).toEqual(shanghai('2026-10-10T11:00'));
  });

  it('skips an ordinary Saturday and Sunday', () => {
    const w = office('2026-10-16T17:00', 3 * 3600);
    expect(w.expiresAt).toEqual(shanghai('2026-10-19T11:00'));
  });

  it('counts a rest-day duty rota when the organisation has one', () => {
    const rota = { ...OFFICE_HOURS, restDays: [{ from: '09:00', to: '11:00' }] };
    const w = office('2026-12-04T23:32', 3 * 3600, rota);
    expect(w.expiresAt).toEqual(shanghai('2026-12-06T10:00'));
  });

  it('runs the wall clock for an urgent matter (the on-duty roster answers at any hour)', () => {
    const offeredAt = shanghai('2026-12-04T23:32');
    const w = offerWindow({ offeredAt, windowSeconds: FOUR_HOURS, dutyHours: OFFICE_HOURS, urgent: true });
    expect(w.expiresAt).toEqual(shanghai('2026-12-05T03:32'));
    expect(w.explanation).toContain('urgent');
  });

  it('runs the wall clock for a 7x24 organisation', () => {
    const w = office('2026-12-04T23:32', 60, ROUND_THE_CLOCK);
    expect(w.expiresAt).toEqual(shanghai('2026-12-04T23:33'));
  });

  it('expires within the same slot when the offer is made during office hours', () => {
    const w = office('2026-12-07T09:00', 1800);
    expect(w.expiresAt).toEqual(shanghai('2026-12-07T09:30'));
  });

  it('falls back to the wall clock for a schedule that never opens', () => {
    const closed = { alwaysOn: false, workingDays: [], restDays: [] };
    const w = office('2026-12-07T09:00', 60, closed);
    expect(w.expiresAt).toEqual(shanghai('2026-12-07T09:01'));
    expect(w.explanation).toContain('no duty hours');
  });

  it('treats intake urgency or an urgent priority as urgent', () => {
    expect(isUrgentMatter({ urgency: 'urgent', priority: 'normal' })).toBe(true);
    expect(isUrgentMatter({ urgency: 'normal', priority: 'urgent' })).toBe(true);
    expect(isUrgentMatter({ urgency: 'normal', priority: 'high' })).toBe(false);
  });
});
