import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A judicial appraisal institution (司法鉴定机构): its licence code, categories, and its head. */
@Entity({ name: 'appraisal_institution' })
@Index('ux_appraisal_institution_organisation_id', ['organisationId'], { unique: true })
export class AppraisalInstitution {
  /** 9-digit licence code: the licensing city's region code and a serial (the opinion codes start with it). */
  @PrimaryColumn({ type: 'varchar', length: 9 })
  code!: string;

  /** The organisation of the work-order catalogue whose offers this institution receives. */
  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  /** Licensed appraisal categories (法医类、物证类 ...). */
  @Column({ type: 'text', array: true })
  categories!: string[];

  /** Staff subject of the institution head (机构负责人), who alone approves a term extension (art. 28). */
  @Column({ type: 'varchar', length: 64 })
  headSubject!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
