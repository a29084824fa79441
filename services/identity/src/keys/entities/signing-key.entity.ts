import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JWK } from 'jose';

/** `next`: published, not yet signing; `active`: signs new tokens; `retired`: published until `publishUntil`. */
export type SigningKeyStatus = 'next' | 'active' | 'retired';

/**
 * An ES256 key pair of the token issuer. The public half is published in the JWKS; the private half
 * is stored sealed (AES-256-GCM with IDENTITY_SIGNING_KEY_SECRET, bound to the kid).
 */
@Entity({ name: 'signing_key' })
@Index('ix_signing_key_status', ['status'])
export class SigningKey {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_signing_key' })
  kid!: string;

  @Column({ type: 'varchar', length: 10 })
  alg!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: SigningKeyStatus;

  @Column({ type: 'jsonb' })
  publicJwk!: JWK;

  @Column({ type: 'text' })
  privateKeySealed!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  /** Retired keys stay in the JWKS until every token they signed has expired. */
  @Column({ type: 'timestamptz', nullable: true })
  publishUntil!: Date | null;
}
