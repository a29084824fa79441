import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A citizen known by the mobile number they signed in with. The id (token subject) is derived from
 * a keyed hash of the number, so it is stable per number; the number itself is stored only sealed.
 */
@Entity({ name: 'citizen_account' })
@Index('ux_citizen_account_phone_hash', ['phoneHash'], { unique: true })
export class CitizenAccount {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_citizen_account' })
  id!: string;

  /** PiiProtector.hash of the normalised number (the same value other services match on). */
  @Column({ type: 'varchar', length: 64 })
  phoneHash!: string;

  /** PiiProtector.encrypt of the normalised number (the `phone_number` claim). */
  @Column({ type: 'text' })
  phoneSealed!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;
}
