import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CandidateScore } from '../../lawyers/lawyer-selection';

/** The appointment (指派) of a lawyer to an application, with why this lawyer was chosen. */
@Entity({ name: 'appointment' })
@Index('uq_appointment_application', ['applicationId'], { unique: true })
@Index('idx_appointment_lawyer', ['lawyerId'])
export class Appointment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_appointment' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'uuid' })
  lawyerId!: string;

  /** Snapshot of the roster entry at appointment time. */
  @Column({ type: 'varchar', length: 100 })
  lawyerName!: string;

  @Column({ type: 'varchar', length: 200 })
  lawFirm!: string;

  @Column({ type: 'timestamptz' })
  appointedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  appointedBy!: string;

  /** automatic (sweeper, best match) or manual (an officer chose or asked for the best match). */
  @Column({ type: 'varchar', length: 16 })
  mode!: 'automatic' | 'manual';

  @Column({ type: 'boolean', default: false })
  providedFirst!: boolean;

  @Column({ type: 'varchar', length: 2000 })
  explanation!: string;

  /** The ranked candidates considered. */
  @Column({ type: 'jsonb' })
  candidates!: CandidateScore[];

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /** case-closed, aid-denied ... */
  @Column({ type: 'varchar', length: 32, nullable: true })
  endReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
