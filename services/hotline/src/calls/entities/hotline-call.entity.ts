import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const CALL_OUTCOMES = ['answered-on-spot', 'follow-up'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/**
 * One call taken on 12348. The caller's number is kept as a keyed hash (caller history, matching the
 * work orders of every platform) and encrypted (an agent must be able to call back); never in clear.
 */
@Entity({ name: 'hotline_call' })
@Index('ix_hotline_call_phone_hash', ['callerPhoneHash', 'createdAt'])
@Index('ix_hotline_call_agent', ['agentId', 'createdAt'])
@Index('ux_hotline_call_intake', ['intakeId'], { unique: true })
@Index('ix_hotline_call_work_order', ['workOrderId'])
export class HotlineCall {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_hotline_call' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  agentId!: string;

  @Column({ type: 'char', length: 64 })
  callerPhoneHash!: string;

  @Column({ type: 'text' })
  callerPhoneEncrypted!: string;

  @Column({ type: 'char', length: 4 })
  callerPhoneLast4!: string;

  /** 138****5678 / 0531-****5678, for lists. */
  @Column({ type: 'varchar', length: 20 })
  callerPhoneMasked!: string;

  /** Masked (张*), for the agent's greeting; the full name only travels in the intake event. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  callerNameMasked!: string | null;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 16 })
  language!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  serviceType!: string | null;

  @Column({ type: 'varchar', length: 8 })
  urgency!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 20 })
  outcome!: CallOutcome;

  /** What the agent told the caller, when the consultation was answered on the call. */
  @Column({ type: 'text', nullable: true })
  answerSummary!: string | null;

  @Column({ type: 'uuid' })
  intakeId!: string;

  /** Copied from the intake outcome once the work-order service assigned it. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  caseCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  workOrderId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
