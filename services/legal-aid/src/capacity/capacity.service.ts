import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@legal/http';
import type { EntityManager } from 'typeorm';
import { Not, In } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import { DEFAULT_CAPACITY_KEY, OrganisationCapacity } from './entities/organisation-capacity.entity';

export interface CapacityCheck {
  hasCapacity: boolean;
  open: number;
  limit: number;
  /** The organisation's own row, or `*` (the default). */
  limitFrom: string;
}

/** Organisation capacity for automatic acceptance: a limit per organisation (data) against its open applications. */
@Injectable()
export class CapacityService {
  /**
   * Whether the organisation can take one more application. Serialised per organisation with a
   * transaction-scoped advisory lock, so two instances accepting at once cannot both take the last place.
   */
  async check(manager: EntityManager, organisationId: string): Promise<CapacityCheck> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`legal-aid:capacity:${organisationId}`]);
    const rows = await manager.find(OrganisationCapacity, {
      where: { organisationId: In([organisationId, DEFAULT_CAPACITY_KEY]) },
    });
    const row =
      rows.find((r) => r.organisationId === organisationId) ??
      rows.find((r) => r.organisationId === DEFAULT_CAPACITY_KEY);
    const limit = row?.maxOpenApplications ?? 0;
    const open = await manager.count(Application, { where: { organisationId, state: Not(In(['denied', 'closed'])) } });
    return { hasCapacity: open < limit, open, limit, limitFrom: row?.organisationId ?? 'none' };
  }

  async list(manager: EntityManager): Promise<OrganisationCapacity[]> {
    return manager.find(OrganisationCapacity, { order: { organisationId: 'ASC' } });
  }

  async upsert(
    manager: EntityManager,
    organisationId: string,
    maxOpenApplications: number,
    actor: string,
  ): Promise<OrganisationCapacity> {
    const existing = await manager.findOne(OrganisationCapacity, { where: { organisationId } });
    const row = existing ?? manager.create(OrganisationCapacity, { organisationId });
    row.maxOpenApplications = maxOpenApplications;
    row.updatedBy = actor.slice(0, 64);
    return manager.save(row);
  }

  async remove(manager: EntityManager, organisationId: string): Promise<void> {
    if (organisationId === DEFAULT_CAPACITY_KEY)
      throw new ConflictError(
        'default-capacity-required',
        'The default capacity row (*) can be changed but not deleted',
      );
    const result = await manager.delete(OrganisationCapacity, { organisationId });
    if (!result.affected) throw new NotFoundError('Organisation capacity', organisationId);
  }
}
