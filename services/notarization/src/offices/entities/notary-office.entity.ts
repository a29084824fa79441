import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A notary office (公证处) offers are made to: its certificate-number prefix and capacity. */
@Entity({ name: 'notary_office' })
export class NotaryOffice {
  /** The organisation id the router uses. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  /** The part of the certificate number before 证字, e.g. 鲁临沂 in (2026)鲁临沂证字第000123号. */
  @Column({ type: 'varchar', length: 20 })
  certificatePrefix!: string;

  /** Open applications above which offers are not accepted automatically. */
  @Column({ type: 'int' })
  maxOpenApplications!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
