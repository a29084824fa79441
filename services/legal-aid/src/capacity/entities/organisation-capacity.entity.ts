import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const DEFAULT_CAPACITY_KEY = '*';

/**
 * How many open applications a legal-aid organisation takes on before automatic acceptance stops
 * (offers are then rejected with `no-capacity` so the router moves on). `*` is the default row.
 */
@Entity({ name: 'organisation_capacity' })
export class OrganisationCapacity {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_organisation_capacity' })
  organisationId!: string;

  @Column({ type: 'int' })
  maxOpenApplications!: number;

  @Column({ type: 'varchar', length: 64 })
  updatedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
