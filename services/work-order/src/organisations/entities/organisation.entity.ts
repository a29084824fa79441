import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { HANDLER_SERVICES } from '@legal/contracts';
import type { Handler, HandlerOrganisationKind, ServiceType } from '@legal/contracts';
import type { RegionLevel } from '@legal/domain';
import type { DutySchedule } from '../duty-schedule';

/** Kinds of organisation that are not a handler service's (those come from the service registry). */
export const NON_SERVICE_ORGANISATION_KINDS = [
  'hotline-duty-team',
  'supervision-office',
  'public-legal-service-centre',
  'township-workstation',
  'village-legal-service-room',
  'external-agency',
] as const;
export type OrganisationKind = (typeof NON_SERVICE_ORGANISATION_KINDS)[number] | HandlerOrganisationKind;
export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  ...NON_SERVICE_ORGANISATION_KINDS,
  ...HANDLER_SERVICES.map((s) => s.handler.organisation.kind as HandlerOrganisationKind),
];

/**
 * A legal-service organisation registered with the router. Organisations hang off the administrative
 * division tree (province → city → county → township → village): jurisdiction is "the lowest
 * organisation handling the type for the requester's region, falling back up the tree".
 */
@Entity({ name: 'organisation' })
@Index('ix_organisation_region_code', ['regionCode'])
// GIN index over the array, created by the migration (TypeORM cannot describe GIN indexes).
@Index('ix_organisation_service_types', { synchronize: false })
export class OrganisationEntity {
  /** Stable readable id, e.g. `org-371324-legal-aid`. */
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_organisation' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: OrganisationKind;

  @Column({ type: 'varchar', length: 16 })
  level!: RegionLevel;

  /** GB/T 2260 division the organisation serves (6, 9 or 12 digits). */
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  /** Which handler service runs this organisation's cases. */
  @Column({ type: 'varchar', length: 32 })
  handler!: Handler;

  @Column({ type: 'text', array: true })
  serviceTypes!: ServiceType[];

  @Column({ type: 'jsonb' })
  dutyHours!: DutySchedule;

  @Column({ type: 'varchar', length: 300 })
  address!: string;

  @Column({ type: 'varchar', length: 32 })
  phone!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** True for rows created by the start-up seed (the seed never overwrites edited rows). */
  @Column({ type: 'boolean' })
  seeded!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
