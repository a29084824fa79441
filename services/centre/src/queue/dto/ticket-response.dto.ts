import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_STATUSES } from '../entities/queue-ticket.entity';
import type { QueueTicket } from '../entities/queue-ticket.entity';

export class TicketResponseDto {
  @ApiProperty({ description: 'Ticket id', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  id!: string;

  @ApiProperty({ description: 'Number printed on the slip and called out', example: 'A-023' })
  number!: string;

  @ApiProperty({ description: 'Counter letter', example: 'A' })
  counter!: string;

  @ApiProperty({ description: 'Position of the day at this counter, from 1', example: 23 })
  seq!: number;

  @ApiProperty({ description: 'Service day (Asia/Shanghai)', example: '2026-11-28' })
  serviceDay!: string;

  @ApiProperty({ description: 'Organisation', example: 'org-371324-centre' })
  organisationId!: string;

  @ApiPropertyOptional({ description: 'Service chosen', example: 'legal-aid' })
  serviceType?: string;

  @ApiProperty({ description: 'Status', enum: TICKET_STATUSES, example: 'waiting' })
  status!: string;

  @ApiPropertyOptional({ description: 'Clerk who called it', example: 'clerk-3' })
  calledBy?: string;

  @ApiPropertyOptional({ description: 'When it was called', example: '2026-11-28T02:40:00.000Z' })
  calledAt?: string;

  @ApiPropertyOptional({ description: 'When the visit was finished', example: '2026-11-28T02:55:00.000Z' })
  servedAt?: string;

  @ApiProperty({ description: 'When it was issued', example: '2026-11-28T02:15:00.000Z' })
  issuedAt!: string;

  static from(t: QueueTicket): TicketResponseDto {
    return {
      id: t.id,
      number: t.number,
      counter: t.counter,
      seq: t.seq,
      serviceDay: t.serviceDay,
      organisationId: t.organisationId,
      ...(t.serviceType ? { serviceType: t.serviceType } : {}),
      status: t.status,
      ...(t.calledBy ? { calledBy: t.calledBy } : {}),
      ...(t.calledAt ? { calledAt: t.calledAt.toISOString() } : {}),
      ...(t.servedAt ? { servedAt: t.servedAt.toISOString() } : {}),
      issuedAt: t.createdAt.toISOString(),
    };
  }
}

export class TicketIssuedResponseDto extends TicketResponseDto {
  @ApiProperty({ description: 'Tickets waiting before this one at the same counter', example: 4 })
  waitingAhead!: number;
}

export class TicketPageDto {
  @ApiProperty({ type: [TicketResponseDto], description: 'Tickets in number order' })
  items!: TicketResponseDto[];

  @ApiProperty({ description: 'Tickets matching the filter', example: 23 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 50 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
