import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CalendarFollower } from '@legal/service-kit';
import type { CalendarYearApplied } from '@legal/service-kit';
import { DataSource } from 'typeorm';
import { HandlerReporter } from '../reports/handler-reporter';
import { CalendarClocks, recomputeCrossingClocks } from './calendar-clocks';

/** The handler's `CalendarClocks` (`HandlerKitModule.forHandler({ calendarClocks })`). */
export const HANDLER_CALENDAR_CLOCKS = Symbol('HANDLER_CALENDAR_CLOCKS');

/**
 * How a handler follows a loaded calendar year: the kit listens to the service's CalendarFollower and,
 * for each year applied, recomputes the handler's open clocks that cross a changed day (the handler's
 * `calendarClocks`: its `find` and `recompute`), and records and reports each clock that moved. A handler without `calendarClocks` follows nothing.
 */
@Injectable()
export class CalendarClockFollower implements OnModuleInit {
  private readonly logger = new Logger(CalendarClockFollower.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly follower: CalendarFollower,
    private readonly reports: HandlerReporter,
    @Optional() @Inject(HANDLER_CALENDAR_CLOCKS) private readonly clocks: CalendarClocks | null,
  ) {}

  onModuleInit(): void {
    if (!this.clocks) return;
    this.follower.onYearApplied(async (applied) => {
      await this.recompute(applied);
    });
  }

  /** Recomputes now (what the listener does); returns how many clocks moved. */
  async recompute(applied: CalendarYearApplied): Promise<number> {
    if (!this.clocks) return 0;
    const moved = await recomputeCrossingClocks(this.dataSource, this.clocks, applied, this.reports);
    if (moved > 0) this.logger.log({ msg: `${this.clocks.name} recomputed`, year: applied.year, moved });
    return moved;
  }
}
