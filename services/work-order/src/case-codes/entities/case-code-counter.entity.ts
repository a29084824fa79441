import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last sequence reserved per region and day. CaseCodeService reserves blocks from it with one
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` committed on its own (not in the intake's transaction):
 * unique across instances; unused or rolled-back numbers leave gaps.
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
