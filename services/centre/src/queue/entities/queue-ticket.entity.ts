import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const TICKET_STATUSES = ['waiting', 'called', 'served', 'no-show'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A queue ticket: per organisation, counter and service day, numbered from 1. */
@Entity({ name: 'queue_ticket' })
@Check('ck_queue_ticket_status', `"status" IN ('waiting', 'called', 'served', 'no-show')`)
@Index('ux_queue_ticket_number', ['organisationId', 'serviceDay', 'counter', 'seq'], { unique: true })
@Index('ix_queue_ticket_waiting', ['organisationId', 'serviceDay', 'counter', 'status', 'seq'])
export class QueueTicket {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_queue_ticket' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  /** The day in Asia/Shanghai the ticket belongs to (numbers restart every day). */
  @Column({ type: 'date' })
  serviceDay!: string;

  @Column({ type: 'varchar', length: 2 })
  counter!: string;

  @Column({ type: 'integer' })
  seq!: number;

  /** What is printed and called out: A-023. */
  @Column({ type: 'varchar', length: 12 })
  number!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  serviceType!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: TicketStatus;

  @Column({ type: 'varchar', length: 64 })
  issuedBy!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  calledBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  calledAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  servedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
