import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What one 12345 partner client covers, projected from identity's legal.partner.client-coverage.v1: whether it is
 * active and its region (null: all of Shandong). A transfer out to 12345 needs an active client covering the matter.
 */
@Entity({ name: 'coverage_12345' })
export class Coverage12345Entity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 151, primaryKeyConstraintName: 'pk_coverage_12345' })
  clientId!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
