import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last opinion serial an institution issued in a year; incremented in the issuing transaction. */
@Entity({ name: 'opinion_counter' })
export class OpinionCounter {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  institutionCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  lastSerial!: number;
}
