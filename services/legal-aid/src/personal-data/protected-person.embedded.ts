import { Column } from 'typeorm';

/**
 * A person's identifying data as stored: ID-card and phone numbers as a keyed hash (for matching)
 * plus an encrypted copy (for the staff who must see them); name and address encrypted only.
 * Embedded into the owning entity with a column prefix (`applicant_`, `person_`, `suspect_`).
 */
export class ProtectedPerson {
  @Column({ type: 'text', nullable: true })
  nameSealed!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  idCardHash!: string | null;

  @Column({ type: 'text', nullable: true })
  idCardSealed!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ type: 'text', nullable: true })
  phoneSealed!: string | null;

  @Column({ type: 'text', nullable: true })
  addressSealed!: string | null;
}
