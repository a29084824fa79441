import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ProtectedPerson } from '../../personal-data/protected-person.embedded';

/** A notified-defence notice (通知辩护) from a court, procuratorate or police, as received (event or REST). */
@Entity({ name: 'defence_notice' })
export class DefenceNoticeRecord {
  /** The partner's notice id. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_defence_notice' })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  agency!: 'court' | 'procuratorate' | 'police';

  @Column({ type: 'varchar', length: 200 })
  agencyName!: string;

  @Column({ type: 'varchar', length: 100 })
  agencyCaseNumber!: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column(() => ProtectedPerson, { prefix: 'suspect' })
  suspect!: ProtectedPerson;

  @Column({ type: 'boolean', nullable: true })
  suspectMinor!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  suspectDisability!: boolean | null;

  @Column({ type: 'varchar', length: 300 })
  charge!: string;

  @Column({ type: 'varchar', length: 16 })
  stage!: 'investigation' | 'prosecution' | 'trial';

  @Column({ type: 'timestamptz' })
  noticeReceivedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  hearingAt!: Date | null;

  /** event (Kafka) or rest (partner API). */
  @Column({ type: 'varchar', length: 8 })
  channel!: 'event' | 'rest';

  /** Partner client id (REST) or the event source (Kafka). */
  @Column({ type: 'varchar', length: 100 })
  submittedBy!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
