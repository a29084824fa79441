import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RosterCoverageChanged } from '@legal/contracts';
import { ConflictError, InvalidInputError, NotFoundError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import type { FieldError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { coverageGaps, dayCoverage, daysTouched, Period, periodMinutes, shanghaiDay } from './coverage-gaps';
import type { RosterShiftCreateDto } from './dto/roster-shift-create.dto';
import type { RosterShiftUpdateDto } from './dto/roster-shift-update.dto';
import type { RosterCoverageQueryDto, RosterOnDutyQueryDto, RosterShiftListQueryDto } from './dto/roster-query.dto';
import type { RosterCoverageResponseDto } from './dto/roster-coverage-response.dto';
import { RosterShift } from './entities/roster-shift.entity';

const HOUR_MS = 3600_000;
const MAX_SHIFT_MS = 24 * HOUR_MS;
const MAX_WINDOW_MS = 31 * 24 * HOUR_MS;

interface SeatFilter {
  language?: string;
  expertSeat?: boolean;
}

/** The duty roster: shifts by seat, coverage gaps in 7x24 service, who is on duty. */
@Injectable()
export class RosterService {
  private readonly logger = new Logger(RosterService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async create(input: RosterShiftCreateDto, actorId: string): Promise<RosterShift> {
    const period = checkedPeriod(input.startsAt, input.endsAt);
    return this.dataSource.transaction(async (manager) => {
      await this.lockRoster(manager);
      const shift = manager.create(RosterShift, {
        id: randomUUID(),
        seat: input.seat,
        agentId: input.agentId,
        startsAt: period.start,
        endsAt: period.end,
        languages: input.languages,
        expertSeat: input.expertSeat ?? false,
        expertise: input.expertise ?? [],
        createdBy: actorId,
      });
      await this.assertNoOverlap(manager, shift);
      const saved = await manager.save(shift);
      await this.publishCoverage(manager, [period]);
      this.logger.log({ shiftId: saved.id, seat: saved.seat, actorId }, 'roster shift created');
      return saved;
    });
  }

  async update(id: string, input: RosterShiftUpdateDto, actorId: string): Promise<RosterShift> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockRoster(manager);
      const shift = await manager.findOne(RosterShift, { where: { id } });
      if (!shift) throw new NotFoundError('Roster shift', id);
      const before: Period = { start: shift.startsAt, end: shift.endsAt };
      const period = checkedPeriod(
        input.startsAt ?? shift.startsAt.toISOString(),
        input.endsAt ?? shift.endsAt.toISOString(),
      );
      shift.startsAt = period.start;
      shift.endsAt = period.end;
      if (input.seat !== undefined) shift.seat = input.seat;
      if (input.agentId !== undefined) shift.agentId = input.agentId;
      if (input.languages !== undefined) shift.languages = input.languages;
      if (input.expertSeat !== undefined) shift.expertSeat = input.expertSeat;
      if (input.expertise !== undefined) shift.expertise = input.expertise;
      await this.assertNoOverlap(manager, shift);
      const saved = await manager.save(shift);
      await this.publishCoverage(manager, [before, period]);
      this.logger.log({ shiftId: id, actorId }, 'roster shift changed');
      return saved;
    });
  }

  async remove(id: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockRoster(manager);
      const shift = await manager.findOne(RosterShift, { where: { id } });
      if (!shift) throw new NotFoundError('Roster shift', id);
      await manager.delete(RosterShift, { id });
      await this.publishCoverage(manager, [{ start: shift.startsAt, end: shift.endsAt }]);
    });
    this.logger.log({ shiftId: id, actorId }, 'roster shift removed');
  }

  async get(id: string): Promise<RosterShift> {
    const shift = await this.dataSource.getRepository(RosterShift).findOne({ where: { id } });
    if (!shift) throw new NotFoundError('Roster shift', id);
    return shift;
  }

  async list(query: RosterShiftListQueryDto): Promise<{ items: RosterShift[]; total: number }> {
    const window = checkedWindow(query.from, query.to);
    const qb = this.overlapping(window.start, window.end, {});
    if (query.seat) qb.andWhere('s.seat = :seat', { seat: query.seat });
    if (query.agentId) qb.andWhere('s.agentId = :agentId', { agentId: query.agentId });
    const [items, total] = await qb
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.seat', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total };
  }

  async coverage(query: RosterCoverageQueryDto): Promise<RosterCoverageResponseDto> {
    const window = checkedWindow(query.from, query.to);
    const shifts = await this.overlapping(window.start, window.end, query).getMany();
    const gaps = coverageGaps(
      shifts.map((s) => ({ start: s.startsAt, end: s.endsAt })),
      window.start,
      window.end,
      query.minSeats,
    );
    const total = periodMinutes(window);
    const missing = gaps.reduce((sum, g) => sum + periodMinutes(g), 0);
    return {
      from: window.start.toISOString(),
      to: window.end.toISOString(),
      minSeats: query.minSeats,
      language: query.language,
      expertSeat: query.expertSeat,
      fullyCovered: gaps.length === 0,
      coveragePercent: total === 0 ? 100 : Math.round(((total - missing) / total) * 10000) / 100,
      gaps: gaps.map((g) => ({
        start: g.start.toISOString(),
        end: g.end.toISOString(),
        minutes: periodMinutes(g),
        staffedSeats: g.staffedSeats,
      })),
    };
  }

  async onDuty(query: RosterOnDutyQueryDto, now = new Date()): Promise<{ at: Date; shifts: RosterShift[] }> {
    const at = query.at ? new Date(query.at) : now;
    const shifts = await this.overlapping(at, new Date(at.getTime() + 1), query)
      .orderBy('s.seat', 'ASC')
      .getMany();
    return { at, shifts };
  }

  private overlapping(from: Date, to: Date, filter: SeatFilter): SelectQueryBuilder<RosterShift> {
    const qb = this.dataSource
      .getRepository(RosterShift)
      .createQueryBuilder('s')
      .where('s.startsAt < :to AND s.endsAt > :from', { from, to });
    if (filter.language) qb.andWhere(':language = ANY(s.languages)', { language: filter.language });
    if (filter.expertSeat !== undefined) qb.andWhere('s.expertSeat = :expertSeat', { expertSeat: filter.expertSeat });
    return qb;
  }

  /**
   * For oversight's 7x24 coverage (plan indicator 2): the coverage of every Asia/Shanghai day the change touched,
   * recomputed from all shifts after the change, in the change's transaction (under the roster lock, so two changes
   * publish in the order they commit). Minutes only: no agent, seat, name or phone.
   */
  private async publishCoverage(manager: EntityManager, changed: readonly Period[]): Promise<void> {
    const days = daysTouched(changed);
    const first = shanghaiDay(days[0]).start;
    const last = shanghaiDay(days[days.length - 1]).end;
    const shifts = await manager
      .getRepository(RosterShift)
      .createQueryBuilder('s')
      .where('s.startsAt < :to AND s.endsAt > :from', { from: first, to: last })
      .getMany();
    const periods = shifts.map((s) => ({ start: s.startsAt, end: s.endsAt }));
    await this.outbox.publish(
      manager,
      RosterCoverageChanged,
      { computedAt: new Date().toISOString(), days: days.map((d) => dayCoverage(periods, d)) },
      { subject: 'hotline-roster' },
    );
  }

  /** Roster writes are rare: one lock per schema keeps two instances from double-booking a seat. */
  private async lockRoster(manager: EntityManager): Promise<void> {
    const table = manager.getRepository(RosterShift).metadata.tablePath;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
  }

  private async assertNoOverlap(manager: EntityManager, shift: RosterShift): Promise<void> {
    const clash = await manager
      .getRepository(RosterShift)
      .createQueryBuilder('s')
      .where('s.startsAt < :end AND s.endsAt > :start', { start: shift.startsAt, end: shift.endsAt })
      .andWhere('s.id <> :id', { id: shift.id })
      .andWhere(
        new Brackets((b) =>
          b.where('s.seat = :seat', { seat: shift.seat }).orWhere('s.agentId = :agentId', { agentId: shift.agentId }),
        ),
      )
      .orderBy('s.startsAt', 'ASC')
      .getOne();
    if (!clash) return;
    const what = clash.seat === shift.seat ? `seat ${shift.seat}` : `agent ${shift.agentId}`;
    throw new ConflictError(
      'roster-shift-overlap',
      `The shift overlaps another shift of ${what} (${clash.startsAt.toISOString()} - ${clash.endsAt.toISOString()})`,
      {
        conflictingShiftId: clash.id,
      },
    );
  }
}

function checkedPeriod(startsAt: string, endsAt: string): { start: Date; end: Date } {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const errors: FieldError[] = [];
  if (end.getTime() <= start.getTime())
    errors.push({ field: 'endsAt', messages: ['endsAt must be after startsAt'], codes: ['afterStart'] });
  else if (end.getTime() - start.getTime() > MAX_SHIFT_MS)
    errors.push({ field: 'endsAt', messages: ['a shift lasts at most 24 hours'], codes: ['maxDuration'] });
  if (errors.length > 0) throw new InvalidInputError(errors);
  return { start, end };
}

function checkedWindow(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(from);
  const end = new Date(to);
  if (end.getTime() <= start.getTime())
    throw new InvalidInputError([{ field: 'to', messages: ['to must be after from'], codes: ['afterFrom'] }]);
  if (end.getTime() - start.getTime() > MAX_WINDOW_MS)
    throw new InvalidInputError([
      { field: 'to', messages: ['the window spans at most 31 days'], codes: ['maxWindow'] },
    ]);
  return { start, end };
}
