import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@legal/observability';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { queryRows, tableOf } from '../common/sql';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';

/**
 * Work orders by status on the app's registry, computed from PostgreSQL on scrape (the same for every
 * instance). Offer and deadline metrics live with their features (OfferMetrics, DeadlineMetrics).
 */
@Injectable()
export class WorkOrderMetrics {
  constructor(registry: MetricsRegistry, @InjectDataSource() dataSource: DataSource) {
    const manager = dataSource.manager;
    new Gauge({
      name: 'work_orders',
      help: 'Work orders by status',
      labelNames: ['status'],
      registers: [registry.registry],
      async collect() {
        const sql = `SELECT status, count(*)::int AS n FROM ${tableOf(manager, WorkOrderEntity)} GROUP BY status`;
        const rows = await queryRows<{ status: string; n: number }>(manager, sql);
        this.reset();
        for (const r of rows) this.set({ status: r.status }, r.n);
      },
    });
  }
}
