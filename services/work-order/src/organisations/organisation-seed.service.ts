import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { shandongRegions } from '@legal/domain';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows, tableOf } from '../common/sql';
import { OrganisationEntity } from './entities/organisation.entity';
import { WorkOrderEnv } from '../config/work-order.env';
import { organisationSeedPlan, SeedOrganisation } from './organisation-seed-plan';

const CHUNK = 2500;
/** Serialises seeding across instances of one schema starting together (pg_advisory_xact_lock(key, hashtext(schema))). */
const SEED_LOCK_KEY = 737_130;

/**
 * Seeds the organisation tree at start-up: idempotent (existing ids are left alone, so admin edits
 * survive), safe with several instances (advisory lock), and fast (a few bulk INSERTs, skipped
 * entirely when every seed row is already there).
 */
@Injectable()
export class OrganisationSeedService implements OnModuleInit {
  private readonly logger = new Logger(OrganisationSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: WorkOrderEnv,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.env.ORGANISATION_SEED_ON_START) return;
    const started = Date.now();
    const inserted = await this.seed();
    this.logger.log(`organisation seed: ${inserted} new organisation(s) in ${Date.now() - started} ms`);
  }

  /** Inserts the seed organisations that are missing; returns how many were inserted. */
  async seed(): Promise<number> {
    const plan = organisationSeedPlan(shandongRegions());
    const table = tableOf(this.dataSource.manager, OrganisationEntity);
    const [{ count }] = await queryRows<{ count: number }>(
      this.dataSource.manager,
      `SELECT count(*)::int AS count FROM ${table} WHERE seeded`,
    );
    if (count >= plan.length) return 0;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SEED_LOCK_KEY, table]);
      let inserted = 0;
      for (let i = 0; i < plan.length; i += CHUNK) {
        inserted += await this.insertChunk(manager, plan.slice(i, i + CHUNK));
      }
      return inserted;
    });
  }

  private async insertChunk(manager: EntityManager, rows: SeedOrganisation[]): Promise<number> {
    const result = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO ${tableOf(manager, OrganisationEntity)} (id, name, kind, level, region_code, handler, service_types, duty_hours, address, phone, active, seeded)
       SELECT r.id, r.name, r.kind, r.level, r.region_code, r.handler,
              ARRAY(SELECT jsonb_array_elements_text(r.service_types)), r.duty_hours, r.address, r.phone, true, true
       FROM jsonb_to_recordset($1::jsonb) AS r(id varchar, name varchar, kind varchar, level varchar, region_code varchar, handler varchar,
                                               service_types jsonb, duty_hours jsonb, address varchar, phone varchar)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            name: r.name,
            kind: r.kind,
            level: r.level,
            region_code: r.regionCode,
            handler: r.handler,
            service_types: r.serviceTypes,
            duty_hours: r.dutyHours,
            address: r.address,
            phone: r.phone,
          })),
        ),
      ],
    );
    return result.length;
  }
}
