import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last sequence issued per region and day. Incremented with one `INSERT … ON CONFLICT DO UPDATE
 * … RETURNING` in the transaction that creates the work order: unique across instances, and a rolled
 * back work order gives its number back.
 */
@Entity({ name: 'case_code_counter' })
export class CaseCodeCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 6, primaryKeyConstraintName: 'pk_case_code_counter' })
  regionCode!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_case_code_counter' })
  day!: string;

  @Column({ type: 'integer' })
  lastValue!: number;
}
