import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last certificate serial an office issued in a year; incremented in the issuing transaction. */
@Entity({ name: 'certificate_counter' })
export class CertificateCounter {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  organisationId!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  lastNumber!: number;
}
