import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from '../../applications/entities/application.entity';

export interface NoticeItem {
  code: string;
  label: string;
}

/** The one-time notice (一次性告知) of every missing item; at most one per application. */
@Entity({ name: 'material_notice' })
@Index('ux_material_notice_application_id', ['applicationId'], { unique: true })
export class MaterialNotice {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_material_notice_application' })
  application?: Application;

  @Column({ type: 'jsonb' })
  items!: NoticeItem[];

  @Column({ type: 'text' })
  notice!: string;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  satisfiedAt!: Date | null;
}
