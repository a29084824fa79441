import { tableOf } from '@legal/persistence';
import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@legal/http';
import type { EntityManager } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import { DEFAULT_CAPACITY_KEY, OrganisationCapacity } from './entities/organisation-capacity.entity';

export interface CapacityCheck {
  hasCapacity: boolean;
  open: number;
  limit: number;
  /** The organisation's own row, or `*` (the default). */
  limitFrom: string;
}

/** States of an application that no longer count against its organisation's capacity. */
const CLOSED_STATES = ['denied', 'closed'];

/** Organisation capacity for automatic acceptance: a limit per organisation (data) against its open applications. */
@Injectable()
export class CapacityService {
  /**
   * Whether the organisation can take one more application. Serialised per organisation with a
   * transaction-scoped advisory lock, so two instances accepting at once cannot both take the last place.
   */
  async check(manager: EntityManager, organisationId: string): Promise<CapacityCheck> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`legal-aid:capacity:${organisationId}`]);
    // After the lock (a later statement sees what the previous holder committed): the limit (the
    // organisation's own row, else the default) and the open applications in one plain statement, issue 14.
    const [row] = (await manager.query(
      `SELECT c.organisation_id AS "limitFrom", c.max_open_applications AS "limit",
         (SELECT count(*)::int FROM ${tableOf(manager, Application)} a
           WHERE a.organisation_id = $1 AND a.state <> ALL($3::varchar[])) AS "open"
       FROM (VALUES (1)) AS one (x)
       LEFT JOIN LATERAL (
         SELECT organisation_id, max_open_applications FROM ${tableOf(manager, OrganisationCapacity)}
          WHERE organisation_id IN ($1, $2) ORDER BY organisation_id = $1 DESC LIMIT 1
       ) c ON true`,
      [organisationId, DEFAULT_CAPACITY_KEY, CLOSED_STATES],
    )) as { limitFrom: string | null; limit: number | null; open: number }[];
    const limit = row.limit ?? 0;
    return { hasCapacity: row.open < limit, open: row.open, limit, limitFrom: row.limitFrom ?? 'none' };
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
