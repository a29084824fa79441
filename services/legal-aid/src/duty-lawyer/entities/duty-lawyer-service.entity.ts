import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { ProtectedPerson } from '../../personal-data/protected-person.embedded';

export const DUTY_LOCATION_TYPES = ['court', 'procuratorate', 'detention-centre', 'police-station'] as const;
export type DutyLocationType = (typeof DUTY_LOCATION_TYPES)[number];

/** What a duty lawyer (值班律师) may do for a suspect or defendant without counsel (法律援助法 第30条). */
export const DUTY_LAWYER_SERVICES = [
  'legal-consultation',
  'procedure-choice-advice',
  'compulsory-measure-change-application',
  'case-handling-opinion',
  'plea-agreement-witness',
  'meeting-and-file-review',
] as const;
export type DutyLawyerServiceCode = (typeof DUTY_LAWYER_SERVICES)[number];

/** One duty-lawyer help given at a court, procuratorate, detention centre or police station: its own service. */
@Entity({ name: 'duty_lawyer_service' })
@Index('idx_duty_lawyer_service_region_served', ['regionCode', 'servedAt'])
export class DutyLawyerService {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_duty_lawyer_service' })
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 24 })
  locationType!: DutyLocationType;

  @Column({ type: 'varchar', length: 200 })
  locationName!: string;

  @Column({ type: 'uuid', nullable: true })
  lawyerId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  lawyerName!: string;

  @Column(() => ProtectedPerson, { prefix: 'person' })
  person!: ProtectedPerson;

  @Column({ type: 'text', array: true })
  services!: DutyLawyerServiceCode[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  charge!: string | null;

  @Column({ type: 'varchar', length: 2000 })
  summary!: string;

  @Column({ type: 'timestamptz' })
  servedAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  organisationId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
