import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per offer of a work order to an organisation (派单), from `workorder.changed`: who it was offered to, where,
 * when, and how it ended (accepted, rejected, expired, withdrawn; null while open). The stream's views carry no offer
 * id: an offer is keyed by the timeline sequence number of its `offered` entry, its attempt is its rank among the
 * work order's offers. No personal data.
 */
@Entity({ name: 'offer_fact' })
@Index('ix_offer_fact_city_offered', ['cityCode', 'offeredAt'])
@Index('ix_offer_fact_county_offered', ['countyCode', 'offeredAt'])
@Index('ix_offer_fact_offered', ['offeredAt'])
export class OfferFact {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_offer_fact' })
  workOrderId!: string;

  /** Timeline sequence number of the `offered` entry. */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_offer_fact' })
  offeredSeq!: number;

  /** 1 for the work order's first offer, 2 for the next, ... */
  @Column({ type: 'smallint' })
  attempt!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  organisationId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisationName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  handler!: string | null;

  @Column({ type: 'varchar', length: 40 })
  serviceType!: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'char', length: 6 })
  cityCode!: string;

  @Column({ type: 'char', length: 6 })
  countyCode!: string;

  @Column({ type: 'timestamptz' })
  offeredAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Timeline sequence number of the entry that ended the offer. */
  @Column({ type: 'integer', nullable: true })
  decidedSeq!: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: string | null;
}
