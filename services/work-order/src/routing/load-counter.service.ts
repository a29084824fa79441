import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectRedis } from '@legal/redis';
import { PeriodicTask } from '@legal/scheduling';
import type Redis from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows, tableOf } from '../common/sql';
import { WorkOrderEnv } from '../config/work-order.env';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { LOAD_STATUSES } from '../work-orders/work-order-lifecycle';

const ORG_KEY = 'load:org';
const STAFF_KEY = 'load:staff';
/** Field present in a rebuilt hash: an absent hash means Redis lost the counters. */
const BUILT = '__built';

/** Whose load counts a change touches. */
export interface LoadHolder {
  organisationId: string | null;
  staffId: string | null;
}

export interface Loads {
  organisations: Map<string, number>;
  staff: Map<string, number>;
}

/**
 * Live load (open work orders being offered or handled) per organisation and staff member, in two
 * Redis hashes. PostgreSQL is the truth: a hash missing from Redis is rebuilt from it, every change sets
 * the absolute count computed inside the changing transaction (idempotent under redelivery), and a
 * periodic reconciliation repairs drift from rolled-back transactions.
 */
@Injectable()
export class LoadCounterService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LoadCounterService.name);
  private readonly task: PeriodicTask;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
    env: WorkOrderEnv,
  ) {
    this.task = new PeriodicTask(
      { name: 'load counter reconciliation', intervalMs: env.LOAD_RECONCILE_INTERVAL_MS },
      () => this.rebuild(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  async loads(organisationIds: readonly string[], staffIds: readonly string[]): Promise<Loads> {
    const [orgBuilt, staffBuilt] = await Promise.all([
      this.redis.hexists(ORG_KEY, BUILT),
      this.redis.hexists(STAFF_KEY, BUILT),
    ]);
    if (!orgBuilt || !staffBuilt) {
      this.logger.warn('load counters missing from Redis: rebuilding them from PostgreSQL');
      await this.rebuild();
    }
    const [orgValues, staffValues] = await Promise.all([
      organisationIds.length > 0 ? this.redis.hmget(ORG_KEY, ...organisationIds) : Promise.resolve([]),
      staffIds.length > 0 ? this.redis.hmget(STAFF_KEY, ...staffIds) : Promise.resolve([]),
    ]);
    return {
      organisations: new Map(organisationIds.map((id, i) => [id, Number(orgValues[i] ?? 0)])),
      staff: new Map(staffIds.map((id, i) => [id, Number(staffValues[i] ?? 0)])),
    };
  }

  /** Sets the counts of one organisation and staff member from the database as `manager` sees it. */
  async refresh(manager: EntityManager, organisationId: string | null, staffId: string | null): Promise<void> {
    return this.refreshAll(manager, [{ organisationId, staffId }]);
  }

  /**
   * Sets the counts of several holders (e.g. the one a work order left and the one it went to) from the database
   * as `manager` sees it, in one statement (issue 14).
   */
  async refreshAll(manager: EntityManager, holders: readonly LoadHolder[]): Promise<void> {
    const organisationIds = [...new Set(holders.flatMap((h) => (h.organisationId ? [h.organisationId] : [])))];
    const staffIds = [...new Set(holders.flatMap((h) => (h.staffId ? [h.staffId] : [])))];
    if (organisationIds.length === 0 && staffIds.length === 0) return;
    const table = tableOf(manager, WorkOrderEntity);
    try {
      const rows = await queryRows<{ kind: 'o' | 's'; id: string; n: number }>(
        manager,
        `SELECT 'o' AS kind, organisation_id AS id, count(*)::int AS n FROM ${table}
           WHERE organisation_id = ANY($1) AND status = ANY($3) GROUP BY organisation_id
         UNION ALL
         SELECT 's' AS kind, staff_id AS id, count(*)::int AS n FROM ${table}
           WHERE staff_id = ANY($2) AND status = ANY($3) GROUP BY staff_id`,
        [organisationIds, staffIds, [...LOAD_STATUSES]],
      );
      const counts = (kind: 'o' | 's', ids: string[]): Record<string, number> =>
        Object.fromEntries(ids.map((id) => [id, rows.find((r) => r.kind === kind && r.id === id)?.n ?? 0]));
      if (organisationIds.length > 0 && (await this.redis.hexists(ORG_KEY, BUILT)))
        await this.redis.hset(ORG_KEY, counts('o', organisationIds));
      if (staffIds.length > 0 && (await this.redis.hexists(STAFF_KEY, BUILT)))
        await this.redis.hset(STAFF_KEY, counts('s', staffIds));
    } catch (err) {
      // Redis being away must not fail a work-order change; the next rebuild repairs the counters.
      this.logger.warn({ err }, 'could not refresh load counters');
    }
  }

  /** Replaces both hashes with counts computed from PostgreSQL (atomically per hash). */
  async rebuild(): Promise<void> {
    const manager = this.dataSource.manager;
    const table = tableOf(manager, WorkOrderEntity);
    const statuses = [...LOAD_STATUSES];
    const orgs = await queryRows<{ id: string; n: number }>(
      manager,
      `SELECT organisation_id AS id, count(*)::int AS n FROM ${table} WHERE organisation_id IS NOT NULL AND status = ANY($1) GROUP BY organisation_id`,
      [statuses],
    );
    const staff = await queryRows<{ id: string; n: number }>(
      manager,
      `SELECT staff_id AS id, count(*)::int AS n FROM ${table} WHERE staff_id IS NOT NULL AND status = ANY($1) GROUP BY staff_id`,
      [statuses],
    );
    const flat = (rows: { id: string; n: number }[]): (string | number)[] => [
      BUILT,
      1,
      ...rows.flatMap((r) => [r.id, r.n]),
    ];
    await this.redis
      .multi()
      .del(ORG_KEY)
      .hset(ORG_KEY, ...flat(orgs))
      .del(STAFF_KEY)
      .hset(STAFF_KEY, ...flat(staff))
      .exec();
  }
}
