import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** What a partner may receive: per topic, the event fields its agreement names (data minimisation). */
export interface PartnerAgreement {
  /** Legal basis / purpose of the data sharing, as signed. */
  purpose: string;
  topics: { topic: string; fields: string[] }[];
}

/** Hotline platforms a partner client may speak for. */
export const PARTNER_CHANNELS = ['12345'] as const;
export type PartnerChannel = (typeof PARTNER_CHANNELS)[number];

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

  /**
   * A hotline platform this client speaks for: `12345` (the government service hotline) may transfer
   * matters in and receives the matters 12348 transfers out. Null for every other partner.
   */
  @Column({ type: 'varchar', length: 16, nullable: true })
  channel!: PartnerChannel | null;

  @Column({ type: 'jsonb' })
  agreement!: PartnerAgreement;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastTokenAt!: Date | null;
}
