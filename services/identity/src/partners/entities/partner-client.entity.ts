import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** What a partner may receive: per topic, the event fields its agreement names (data minimisation). */
export interface PartnerAgreement {
  /** Legal basis / purpose of the data sharing, as signed. */
  purpose: string;
  topics: { topic: string; fields: string[] }[];
}

/** A partner agency system (court, procuratorate, police, ...) signing in with client credentials. */
@Entity({ name: 'partner_client' })
export class PartnerClient {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_partner_client' })
  clientId!: string;

  /** argon2id of the client secret (the secret is shown once, at creation). */
  @Column({ type: 'varchar', length: 255 })
  secretHash!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  organisationId!: string | null;

  /**
   * GB/T 2260 code of the agency's area: it speaks for this area and below (defence notices) and is
   * told about it. Carried in its access tokens as `region`, with `org` = organisationId.
   */
  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'jsonb' })
  agreement!: PartnerAgreement;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastTokenAt!: Date | null;
}
