import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type RefreshSubjectKind = 'staff' | 'citizen';

/**
 * One refresh token of a sign-in session (its family). The token is opaque; only its SHA-256 is
 * stored. Each use marks it used and issues a successor in the same family; presenting a used or
 * revoked token again is reuse (a stolen copy) and revokes the whole family.
 */
@Entity({ name: 'refresh_token' })
@Index('ux_refresh_token_token_hash', ['tokenHash'], { unique: true })
@Index('ix_refresh_token_family_id', ['familyId'])
export class RefreshToken {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_refresh_token' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  familyId!: string;

  @Column({ type: 'varchar', length: 16 })
  subjectKind!: RefreshSubjectKind;

  @Column({ type: 'varchar', length: 64 })
  subjectId!: string;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** End of the whole session: successors never outlive it. */
  @Column({ type: 'timestamptz' })
  familyExpiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  replacedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** `reuse-detected`, `revoked-by-client`, `account-disabled`. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  revokedReason!: string | null;
}
