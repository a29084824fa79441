import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One seat staffed by one agent for one period [startsAt, endsAt). The roster is the union of
 * shifts; a gap in it is a time when 12348 would ring unanswered.
 */
@Entity({ name: 'roster_shift' })
@Check('ck_roster_shift_period', `"ends_at" > "starts_at" AND "ends_at" <= "starts_at" + interval '24 hours'`)
@Index('ix_roster_shift_period', ['startsAt', 'endsAt'])
@Index('ix_roster_shift_seat', ['seat', 'startsAt'])
@Index('ix_roster_shift_agent', ['agentId', 'startsAt'])
export class RosterShift {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_roster_shift' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  seat!: string;

  @Column({ type: 'varchar', length: 64 })
  agentId!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  /** BCP 47 languages the agent answers in (zh, zh-yue, en ...). */
  @Column({ type: 'text', array: true })
  languages!: string[];

  /** Expert seat (专家坐席): a lawyer or legal expert answering difficult consultations. */
  @Column({ type: 'boolean' })
  expertSeat!: boolean;

  /** Service types the seat is competent for (empty = general consultation). */
  @Column({ type: 'text', array: true })
  expertise!: string[];

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
