import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@legal/auth';

/** A member of staff who signs in with user name and password (argon2id). */
@Entity({ name: 'staff_user' })
@Index('ux_staff_user_username', ['username'], { unique: true })
export class StaffUser {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_staff_user' })
  id!: string;

  /** Stored lower-case; sign-in is case-insensitive. */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  /** GB/T 2260 code of the organisation's area (jurisdiction). */
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
