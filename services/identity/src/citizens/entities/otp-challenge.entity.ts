import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One one-time code sent to a phone: stored as a keyed hash, valid until `expiresAt`, a few guesses. */
@Entity({ name: 'otp_challenge' })
@Index('ix_otp_challenge_phone_hash_created_at', ['phoneHash', 'createdAt'])
export class OtpChallenge {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_otp_challenge' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  phoneHash!: string;

  /** Keyed hash of challenge id + code. */
  @Column({ type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'integer' })
  maxAttempts!: number;

  /** Set when used, superseded by a newer code, or out of guesses. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
