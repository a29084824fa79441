import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A satisfaction evaluation taken by an agent on the phone (once per work order from the hotline). */
@Entity({ name: 'phone_evaluation' })
@Check('ck_phone_evaluation_score', `"score" BETWEEN 1 AND 5`)
@Index('ux_phone_evaluation_work_order', ['workOrderId'], { unique: true })
export class PhoneEvaluation {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_phone_evaluation' })
  id!: string;

  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  caseCode!: string;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment!: string | null;

  @Column({ type: 'varchar', length: 64 })
  agentId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
