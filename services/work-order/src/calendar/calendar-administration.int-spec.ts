import {
  CalendarYearLoaded,
  IntakeRegistered,
  IntakeSubmitted,
  OfferAccepted,
  WorkOrderChanged,
  WorkOrderDispatched,
} from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { unloadOfficialYear } from '@legal/domain';
import { EventCollector } from '@legal/messaging';
import { CalendarFollower } from '@legal/service-kit';
import { waitUntil } from '@legal/testing';
import request from 'supertest';
import { DeadlineEntity } from '../sla/entities/deadline.entity';
import { TimelineEntryEntity } from '../work-orders/entities/timeline-entry.entity';
import { intake, validIdCard } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';

// Real servers: starting instances and waiting for Kafka round trips takes longer than Jest's 5 s default.
jest.setTimeout(90_000);

type Changed = EventData<typeof WorkOrderChanged>;
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const NEW_YEAR = "New Year's Day";

/** The 2027 notice as an administrator types it (dates of the test, not the real notice). */
const NOTICE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  holidays: [
    { date: '2027-01-01', name: '元旦', nameEn: NEW_YEAR },
    { date: '2027-01-02', name: '元旦', nameEn: NEW_YEAR },
    { date: '2027-01-03', name: '元旦', nameEn: NEW_YEAR },
    { date: '2027-01-04', name: '元旦', nameEn: NEW_YEAR },
    { date: '2027-01-05', name: '元旦', nameEn: NEW_YEAR },
  ],
  workdays: [{ date: '2027-01-09', name: '元旦', nameEn: NEW_YEAR }],
};

describe('calendar administration: a holiday notice loaded at run time (real stack)', () => {
  let h: WorkOrderHarness;
  let calendarEvents: EventCollector;
  let admin: string;

  beforeAll(async () => {
    // Two instances from the start: a year loaded through one must reach the other through legal.calendar.
    h = await WorkOrderHarness.start('wocalendar', { DEADLINE_SWEEP_INTERVAL_MS: 3_600_000 }, 2);
    calendarEvents = await EventCollector.start(BROKERS, [h.topic('legal.calendar')]);
    admin = await h.bearer({ roles: ['admin'], sub: 'admin-calendar', region: '370000' });
  });

  /** The gauge's value as /metrics shows it. */
  async function gauge(): Promise<number> {
    const text = (await h.http.get('/metrics').expect(200)).text;
    const line = /^work_order_calendar_next_year_missing(?:\{[^}]*\})? (\d+)$/m.exec(text);
    return Number(line?.[1]);
  }

  function load(notice: object, instance = 0): ReturnType<typeof h.http.post> {
    const http = request(h.instances[instance]?.url ?? '');
    return http.post('/admin/calendar/years/2027').set('authorization', admin).send(notice).expect(201);
  }

  /** Waits until instance `i`'s calendar follower has applied `version` of 2027 from the topic. */
  async function followed(i: number, version: number): Promise<void> {
    const follower = h.instances[i]?.app.get(CalendarFollower);
    const probe = async (): Promise<true | undefined> =>
      follower?.appliedYears()['2027'] === version ? true : undefined;
    await waitUntil(probe, 30_000, `work-order instance ${i} applied 2027 v${version} from legal.calendar`);
  }

  afterAll(async () => {
    await calendarEvents?.stop();
    await h?.stop();
    unloadOfficialYear(2027);
  });

  it('refuses an inconsistent notice with every problem named, and a non-administrator', async () => {
    const bad = await h.http
      .post('/admin/calendar/years/2027')
      .set('authorization', admin)
      .send({
        source: 'x notice',
        holidays: [
          { date: '2026-12-31', name: '元旦' },
          { date: '2027-01-09', name: '元旦' },
        ],
        workdays: [
          { date: '2027-01-09', name: '元旦' },
          { date: '2027-01-06', name: '元旦' },
        ],
      })
      .expect(400);
    const codes = (bad.body.errors as { field: string; codes: string[] }[]).map((e) => `${e.field}:${e.codes[0]}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'holidays[0].date:inYear',
        'workdays[0].date:holidayAndWorkday',
        'workdays[1].date:weekendOnly',
      ]),
    );
    const clerk = await h.bearer({ roles: ['centre-clerk'], region: '371324' });
    await h.http.post('/admin/calendar/years/2027').set('authorization', clerk).send(NOTICE_2027).expect(403);
    const year = await h.http.get('/calendar/years/2027').expect(200);
    expect(year.body).toMatchObject({ calendarSource: 'none', currentVersion: null, history: [] });
  });

  it('loads 2027, recomputes an open deadline crossing the new holidays, and announces it on Kafka', async () => {
    // Before: readiness warns (December, 2027 unknown) without going down, and the gauge says so.
    const ready = await h.http.get('/health/ready').expect(200);
    expect(ready.body.info.calendar.warning).toMatch(/no official holiday calendar for 2027/);
    expect(await gauge()).toBe(1);

    // A notarization accepted on Sunday 2026-12-20: 15 working days, weekends only in 2027 → 2027-01-08.
    const data = intake({
      serviceType: 'notarization',
      description: '办理学历公证，出国留学用',
      regionCode: '371324102',
      vulnerableGroup: false,
      applicant: { name: '褚一', idCardNumber: validIdCard('371324', '20000101'), phone: '13900000021' },
    });
    await h.publish(IntakeSubmitted, data, data.intakeId);
    type Registered = EventData<typeof IntakeRegistered>;
    type Dispatched = EventData<typeof WorkOrderDispatched>;
    const ofIntake = (d: Registered): boolean => d.intakeId === data.intakeId;
    const registered = (await h.waitForEvent<Registered>(IntakeRegistered.type, ofIntake)).data;
    const { workOrderId } = registered;
    const ofWorkOrder = (d: { workOrderId: string }): boolean => d.workOrderId === workOrderId;
    const offer = (await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, ofWorkOrder)).data;
    const accepted = { workOrderId, handler: 'notarization' as const, handlerCaseId: 'NT-cal', offerId: offer.offerId };
    await h.publish(OfferAccepted, { ...accepted, at: '2026-12-20T02:00:00.000Z' }, registered.workOrderId);
    const isAccepted = (d: Changed): boolean => ofWorkOrder(d) && d.status === 'accepted';
    const first = await h.waitForEvent<Changed>(WorkOrderChanged.type, isAccepted);
    const before = first.data.deadlines.find((d) => d.kind === 'notarization-certificate');
    expect(before).toMatchObject({ dueAt: '2027-01-08T15:59:59.999Z' });
    expect(before?.explanation).toMatch(/no official holiday calendar for 2027/);

    const loaded = await load(NOTICE_2027);
    expect(loaded.body).toMatchObject({ year: 2027, calendarSource: 'loaded', currentVersion: 1 });
    expect(loaded.body.history[0]).toMatchObject({
      version: 1,
      loadedBy: 'admin-calendar',
      changes: {
        holidaysAdded: NOTICE_2027.holidays.map((d) => d.date),
        workdaysAdded: ['2027-01-09'],
        deadlinesRecomputed: 1,
      },
    });

    // Recomputed: 01-01, 01-04, 01-05 off, Saturday 01-09 worked → 2027-01-12; on the platforms' stream.
    const announced = await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === workOrderId && d.entry.action === 'deadlines-recomputed',
    );
    const after = announced.data.deadlines.find((d) => d.kind === 'notarization-certificate');
    expect(after).toMatchObject({ dueAt: '2027-01-12T15:59:59.999Z' });
    expect(after?.explanation).not.toMatch(/no official holiday calendar/);
    expect(after?.explanation).toMatch(/New Year's Day 元旦/);
    expect(announced.data.entry.note).toMatch(/2027-01-08T15:59:59.999Z → 2027-01-12T15:59:59.999Z/);
    const manager = h.dataSource().manager;
    const row = await manager.findOneByOrFail(DeadlineEntity, { workOrderId, kind: 'notarization-certificate' });
    expect(row.dueAt.toISOString()).toBe('2027-01-12T15:59:59.999Z');
    const entries = await manager.findBy(TimelineEntryEntity, { workOrderId, action: 'deadlines-recomputed' });
    expect(entries).toHaveLength(1);

    // The load itself is announced for the other services, and the other work-order instance applies it.
    const [event] = await calendarEvents.waitFor((r) => r.event?.type === CalendarYearLoaded.type, 1, 20000);
    expect(event.event?.data).toMatchObject({ year: 2027, version: 1, loadedBy: 'admin-calendar' });
    await followed(1, 1);

    // Readiness and the gauge no longer warn.
    const readyAfter = await h.http.get('/health/ready').expect(200);
    expect(readyAfter.body.info.calendar).toMatchObject({ status: 'up', source: 'loaded' });
    expect(readyAfter.body.info.calendar.warning).toBeUndefined();
    expect(await gauge()).toBe(0);
  });

  it('previews a legal period for staff with its explanation, on an instance started after the load', async () => {
    // As after a restart: the in-memory calendar is gone; a new instance reads it back from the compacted topic.
    unloadOfficialYear(2027);
    const started = await h.startInstance();
    await followed(2, 1);
    const staff = await h.bearer({ roles: ['notary'], region: '371324' });
    const preview = await request(started.url)
      .get('/calendar/deadline?rule=working-days&start=2026-12-20&days=15')
      .set('authorization', staff)
      .expect(200);
    const sources = { 2026: 'package', 2027: 'loaded' };
    expect(preview.body).toMatchObject({ dueDate: '2027-01-12', warnings: [], calendarSources: sources });
    expect(preview.body.explanation).toMatch(/15 working days from 2026-12-20/);
    await h.http.get('/calendar/deadline?rule=working-days&start=2026-12-20&days=15').expect(401);
  });

  it('keeps every load as a version: a corrected notice becomes version 2, the history shows both', async () => {
    const corrected = { ...NOTICE_2027, holidays: NOTICE_2027.holidays.slice(0, 3), workdays: [] };
    // Through the second instance: every instance applies it from the topic.
    const v2 = await load(corrected, 1);
    expect(v2.body.currentVersion).toBe(2);
    expect(v2.body.history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const removed = { holidaysRemoved: ['2027-01-04', '2027-01-05'], workdaysRemoved: ['2027-01-09'] };
    expect(v2.body.history[0].changes).toMatchObject(removed);
    for (const i of [0, 1, 2]) await followed(i, 2);
    const year = await h.http.get('/calendar/years/2027').expect(200);
    expect(year.body.holidays.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
  });
});
