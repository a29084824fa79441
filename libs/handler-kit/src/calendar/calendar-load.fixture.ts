import { CalendarYearLoaded, Progressed } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import type { IsoDate } from '@legal/domain';
import type { WorkOrderRouterFixture } from '../testing/work-order-router.fixture';
import { DEADLINE_RECOMPUTED_STEP } from './calendar-clocks';

export type CalendarYearData = EventData<typeof CalendarYearLoaded>;
export type ProgressedData = EventData<typeof Progressed>;

const NEW_YEAR = { zh: '元旦', en: "New Year's Day" };

/**
 * A loaded year as work-order announces it, for tests (dates of the test, not a real notice): `holidays`
 * off and `workdays` worked, all named New Year's Day; `changedDays` are those dates, as work-order's
 * diff against a year the package does not know.
 */
export function testCalendarYear(notice: {
  year: number;
  holidays: IsoDate[];
  workdays?: IsoDate[];
  version?: number;
}): CalendarYearData {
  const workdays = notice.workdays ?? [];
  return {
    year: notice.year,
    version: notice.version ?? 1,
    holidays: notice.holidays.map((date) => ({ date, name: NEW_YEAR })),
    workdays: workdays.map((date) => ({ date, name: NEW_YEAR })),
    changedDays: [...notice.holidays, ...workdays].sort(),
    loadedBy: 'admin-calendar-test',
    loadedAt: new Date().toISOString(),
  };
}

/**
 * Integration tests of a handler's `calendarClocks`: plays work-order's calendar administration on the
 * run's topics. `announce` publishes a loaded year on `legal.calendar` as work-order's outbox relay does
 * (CloudEvents binary mode, keyed `calendar-<year>`), so the handler's CalendarFollower applies it and the
 * kit recomputes; `recomputed` waits for the handler's Progressed `deadline-recomputed` report about a work
 * order on the report topic.
 */
export class CalendarLoadFixture {
  constructor(private readonly router: WorkOrderRouterFixture) {}

  async announce(year: CalendarYearData): Promise<void> {
    const event = this.router.event(CalendarYearLoaded.type, `calendar-${year.year}`, year);
    await this.router.sendTo(CalendarYearLoaded.topic, event);
  }

  async recomputed(workOrderId: string, timeoutMs = 30_000): Promise<ProgressedData> {
    const [found] = await this.router.reports.waitFor(
      (r) =>
        r.event?.subject === workOrderId &&
        r.event.type === Progressed.type &&
        (r.event.data as ProgressedData).step === DEADLINE_RECOMPUTED_STEP,
      1,
      timeoutMs,
    );
    return found?.event?.data as ProgressedData;
  }
}
