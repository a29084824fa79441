import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { shanghaiDateOf } from '@legal/domain';
import { DomainError, NotFoundError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { clerkOrganisation } from '../common/clerk-organisation';
import type { TicketCreateDto } from './dto/ticket-create.dto';
import type { TicketQueryDto } from './dto/ticket-query.dto';
import { QueueCounterSequence } from './entities/queue-counter-sequence.entity';
import { QueueTicket } from './entities/queue-ticket.entity';
import { ticketNumber } from './ticket-number';

/**
 * The counter queue. PostgreSQL is the source of truth: a ticket number comes from an atomic
 * upsert of the day's counter sequence in the same transaction as the ticket, and calling the next
 * ticket skips rows another clerk is calling at that moment (FOR UPDATE SKIP LOCKED).
 */
@Injectable()
export class QueueService {
  private readonly logger = new Logger(QueueService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async issue(
    input: TicketCreateDto,
    clerk: AuthUser,
    now = new Date(),
  ): Promise<{ ticket: QueueTicket; waitingAhead: number }> {
    const organisationId = clerkOrganisation(clerk);
    const serviceDay = shanghaiDateOf(now);
    const ticket = await this.dataSource.transaction(async (manager) => {
      const seq = await this.nextSeq(manager, organisationId, serviceDay, input.counter);
      const row = manager.create(QueueTicket, {
        id: randomUUID(),
        organisationId,
        serviceDay,
        counter: input.counter,
        seq,
        number: ticketNumber(input.counter, seq),
        serviceType: input.serviceType ?? null,
        status: 'waiting',
        issuedBy: clerk.subject,
        calledBy: null,
        calledAt: null,
        servedAt: null,
      });
      await manager.insert(QueueTicket, row);
      return row;
    });
    const waitingAhead = await this.dataSource
      .getRepository(QueueTicket)
      .createQueryBuilder('t')
      .where('t.organisationId = :organisationId AND t.serviceDay = :serviceDay AND t.counter = :counter', {
        organisationId,
        serviceDay,
        counter: input.counter,
      })
      .andWhere("t.status = 'waiting' AND t.seq < :seq", { seq: ticket.seq })
      .getCount();
    this.logger.log({ ticketId: ticket.id, number: ticket.number, organisationId }, 'queue ticket issued');
    return {
      ticket: await this.dataSource.getRepository(QueueTicket).findOneByOrFail({ id: ticket.id }),
      waitingAhead,
    };
  }

  /** Calls the lowest waiting number at a counter; 404 queue-empty when nobody waits. */
  async callNext(counter: string, clerk: AuthUser, now = new Date()): Promise<QueueTicket> {
    const organisationId = clerkOrganisation(clerk);
    const serviceDay = shanghaiDateOf(now);
    return this.dataSource.transaction(async (manager) => {
      const next = await manager
        .getRepository(QueueTicket)
        .createQueryBuilder('t')
        .where('t.organisationId = :organisationId AND t.serviceDay = :serviceDay AND t.counter = :counter', {
          organisationId,
          serviceDay,
          counter,
        })
        .andWhere("t.status = 'waiting'")
        .orderBy('t.seq', 'ASC')
        .limit(1)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!next) throw new DomainError('queue-empty', `Nobody is waiting at counter ${counter}`, HttpStatus.NOT_FOUND);
      next.status = 'called';
      next.calledBy = clerk.subject;
      next.calledAt = now;
      await manager.save(next);
      this.logger.log({ ticketId: next.id, number: next.number, clerkId: clerk.subject }, 'queue ticket called');
      return next;
    });
  }

  /** A called citizen who did not come to the counter. */
  async markNoShow(id: string, clerk: AuthUser): Promise<QueueTicket> {
    const organisationId = clerkOrganisation(clerk);
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.requireTicket(manager, id, organisationId, { lock: true });
      if (ticket.status !== 'called')
        throw new DomainError(
          'ticket-not-called',
          `Ticket ${ticket.number} is ${ticket.status}; only a called ticket can be a no-show`,
          HttpStatus.CONFLICT,
        );
      ticket.status = 'no-show';
      return manager.save(ticket);
    });
  }

  async list(
    query: TicketQueryDto,
    clerk: AuthUser,
    now = new Date(),
  ): Promise<{ items: QueueTicket[]; total: number }> {
    const organisationId = clerkOrganisation(clerk);
    const qb = this.dataSource
      .getRepository(QueueTicket)
      .createQueryBuilder('t')
      .where('t.organisationId = :organisationId AND t.serviceDay = :serviceDay', {
        organisationId,
        serviceDay: query.day ?? shanghaiDateOf(now),
      });
    if (query.counter) qb.andWhere('t.counter = :counter', { counter: query.counter });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    const [items, total] = await qb
      .orderBy('t.counter', 'ASC')
      .addOrderBy('t.seq', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** The ticket, which must belong to the clerk's organisation (404 otherwise: other counters are not visible). */
  async requireTicket(
    manager: EntityManager,
    id: string,
    organisationId: string,
    { lock = false }: { lock?: boolean } = {},
  ): Promise<QueueTicket> {
    const ticket = await manager.findOne(QueueTicket, {
      where: { id, organisationId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!ticket) throw new NotFoundError('Queue ticket', id);
    return ticket;
  }

  /** The visit of this ticket was finished at the counter. */
  async markServed(manager: EntityManager, id: string, now = new Date()): Promise<void> {
    await manager.update(QueueTicket, { id }, { status: 'served', servedAt: now });
  }

  private async nextSeq(
    manager: EntityManager,
    organisationId: string,
    serviceDay: string,
    counter: string,
  ): Promise<number> {
    const table = manager.getRepository(QueueCounterSequence).metadata.tablePath;
    const rows = (await manager.query(
      `INSERT INTO ${quoteTablePath(table)} ("organisation_id", "service_day", "counter", "last_seq") VALUES ($1, $2, $3, 1)
       ON CONFLICT ("organisation_id", "service_day", "counter") DO UPDATE SET "last_seq" = ${quoteTablePath(table)}."last_seq" + 1
       RETURNING "last_seq"`,
      [organisationId, serviceDay, counter],
    )) as { last_seq: number }[];
    const seq = rows[0]?.last_seq;
    if (seq === undefined) throw new Error('queue sequence upsert returned no row');
    return seq;
  }
}

/** `schema.table` → `"schema"."table"` (names come from entity metadata, never from input). */
function quoteTablePath(path: string): string {
  return path
    .split('.')
    .map((p) => `"${p}"`)
    .join('.');
}
