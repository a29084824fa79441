import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A notarization matter of the published catalogue (e.g. 出生公证), with its fee. */
@Entity({ name: 'matter' })
export class Matter {
  /** Stable code, e.g. `birth`, `kinship`, `no-criminal-record`. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  nameZh!: string;

  @Column({ type: 'varchar', length: 100 })
  nameEn!: string;

  /** Fee in fen (分); where the fee depends on the value, the minimum, with `feeNote` saying how. */
  @Column({ type: 'int' })
  feeFen!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  feeNote!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
