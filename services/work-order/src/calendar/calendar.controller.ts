import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public, Roles, STAFF_ROLES } from '@legal/auth';
import {
  addDays,
  calendarDay,
  computeDeadline,
  loadedYearNotice,
  officialCalendarSource,
  startOfShanghaiDay,
} from '@legal/domain';
import { InvalidInputError } from '@legal/http';
import {
  CalendarDayDto,
  CalendarYearLoadDto,
  CalendarYearResponseDto,
  DeadlinePreviewDto,
  DeadlinePreviewQueryDto,
} from './dto/calendar-year.dto';
import { CalendarService } from './calendar.service';
import { CalendarYearVersionEntity } from './entities/calendar-year-version.entity';

function requireYear(year: number): number {
  if (year < 2000 || year > 2200) {
    throw new InvalidInputError([{ field: 'year', messages: ['year must be 2000..2200'], codes: ['range'] }]);
  }
  return year;
}

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Post('admin/calendar/years/:year')
  @Roles('admin')
  @ApiOperation({
    summary:
      "Load a year's State Council holiday notice (a new version; open deadlines crossing a changed day are " +
      'recomputed)',
  })
  @ApiCreatedResponse({ type: CalendarYearResponseDto })
  async load(
    @CurrentUser() user: AuthUser,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: CalendarYearLoadDto,
  ): Promise<CalendarYearResponseDto> {
    const named = (d: { date: string; name: string; nameEn?: string }) => ({
      date: d.date,
      name: { zh: d.name, en: d.nameEn ?? d.name },
    });
    await this.calendar.load({
      year: requireYear(year),
      holidays: dto.holidays.map(named),
      workdays: dto.workdays.map(named),
      source: dto.source,
      actor: { role: 'admin', id: user.subject },
    });
    return this.year(year);
  }

  @Get('calendar/years/:year')
  @Public()
  @ApiOperation({ summary: 'The official calendar of a year in force, where it comes from, and every load (audit)' })
  @ApiOkResponse({ type: CalendarYearResponseDto })
  async year(@Param('year', ParseIntPipe) year: number): Promise<CalendarYearResponseDto> {
    requireYear(year);
    const history = await this.calendar.history(year);
    const holidays: CalendarDayDto[] = [];
    const workdays: CalendarDayDto[] = [];
    for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addDays(d, 1)) {
      const day = calendarDay(d);
      const entry = { date: d, kind: day.kind, ...(day.holiday ? { holiday: day.holiday.zh } : {}) };
      if (day.kind === 'statutory-holiday') holidays.push(entry);
      if (day.kind === 'adjusted-working-day') workdays.push(entry);
    }
    return {
      year,
      calendarSource: officialCalendarSource(year),
      currentVersion: loadedYearNotice(year)?.version ?? null,
      holidays,
      workdays,
      history: history.map(versionView),
    };
  }

  @Get('calendar/deadline')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Preview a legal period on the official calendar, with its explanation' })
  @ApiOkResponse({ type: DeadlinePreviewDto })
  async preview(@Query() q: DeadlinePreviewQueryDto): Promise<DeadlinePreviewDto> {
    const start = q.start.length === 10 ? startOfShanghaiDay(q.start) : new Date(q.start);
    if (Number.isNaN(start.getTime())) {
      throw new InvalidInputError([{ field: 'start', messages: ['start is not a real date'], codes: ['date'] }]);
    }
    let c;
    try {
      c = computeDeadline(q.rule, start, q.days);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new InvalidInputError([{ field: 'start', messages: [message], codes: ['date'] }]);
    }
    const calendarSources: Record<string, string> = {};
    for (let y = Number(c.startDate.slice(0, 4)); y <= Number(c.dueDate.slice(0, 4)); y++) {
      calendarSources[String(y)] = officialCalendarSource(y);
    }
    return {
      rule: c.rule,
      n: c.n,
      startDate: c.startDate,
      dueDate: c.dueDate,
      dueAt: c.dueAt.toISOString(),
      skipped: [...c.skipped],
      adjustedWorkdays: [...c.adjustedWorkdays],
      warnings: [...c.warnings],
      explanation: c.explanation,
      calendarSources,
    };
  }
}

function versionView(v: CalendarYearVersionEntity) {
  const { version, source, loadedBy, changes } = v;
  return { version, source, loadedBy, loadedAt: v.loadedAt.toISOString(), changes };
}
