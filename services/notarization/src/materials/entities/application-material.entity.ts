import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from '../../applications/entities/application.entity';

export const PROVISIONS = ['document', 'commitment', 'missing'] as const;
export type Provision = (typeof PROVISIONS)[number];

/** One checklist item of an application (copied from the catalogue when it was received) and how it is met. */
@Entity({ name: 'application_material' })
export class ApplicationMaterial {
  @PrimaryColumn('uuid')
  applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_application_material_application' })
  application?: Application;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @Column({ type: 'boolean' })
  commitmentAllowed!: boolean;

  @Column({ type: 'int' })
  sortOrder!: number;

  @Column({ type: 'varchar', length: 16 })
  provision!: Provision;

  /** Document number or file reference of a submitted proof. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  reference!: string | null;

  /** Who signed the commitment that replaces the proof. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  commitmentSignatory!: string | null;

  /** Why the item is still missing (e.g. a commitment was offered where the catalogue does not allow one). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;
}
