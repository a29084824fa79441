import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@legal/observability';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { queryRows, tableOf } from '../common/sql';
import { WorkOrderEnv } from '../config/work-order.env';
import { OfferEntity } from '../offers/entities/offer.entity';
import { DeadlineEntity } from '../sla/entities/deadline.entity';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';

/**
 * Work-order metrics on the app's registry: counters for what happened in this instance (offers
 * expired, deadline alerts emitted) and gauges computed from PostgreSQL on scrape (the same for every
 * instance): work orders by status, offers pending, deadlines due soon and overdue.
 */
@Injectable()
export class WorkOrderMetrics {
  readonly offersExpired: Counter;
  readonly deadlineAlerts: Counter<'alert'>;

  constructor(registry: MetricsRegistry, @InjectDataSource() dataSource: DataSource, env: WorkOrderEnv) {
    const registers = [registry.registry];
    const manager = dataSource.manager;
    this.offersExpired = new Counter({ name: 'work_order_offers_expired_total', help: 'Offers this instance expired (unanswered in time)', registers });
    this.deadlineAlerts = new Counter({ name: 'work_order_deadline_alerts_total', help: 'Deadline alerts this instance emitted, by alert', labelNames: ['alert'], registers });
    new Gauge({
      name: 'work_orders',
      help: 'Work orders by status',
      labelNames: ['status'],
      registers,
      async collect() {
        const rows = await queryRows<{ status: string; n: number }>(manager, `SELECT status, count(*)::int AS n FROM ${tableOf(manager, WorkOrderEntity)} GROUP BY status`);
        this.reset();
        for (const r of rows) this.set({ status: r.status }, r.n);
      },
    });
    new Gauge({
      name: 'work_order_offers_pending',
      help: 'Offers waiting for an answer',
      registers,
      async collect() {
        const [row] = await queryRows<{ n: number }>(manager, `SELECT count(*)::int AS n FROM ${tableOf(manager, OfferEntity)} WHERE status = 'pending'`);
        this.set(row?.n ?? 0);
      },
    });
    new Gauge({
      name: 'work_order_deadlines',
      help: 'Running deadlines that fall due soon, and deadlines overdue (breached or running past due)',
      labelNames: ['state'],
      registers,
      async collect() {
        const [row] = await queryRows<{ soon: number; overdue: number }>(
          manager,
          `SELECT count(*) FILTER (WHERE status = 'running' AND due_at > now() AND due_at <= now() + make_interval(hours => $1))::int AS soon,
                  count(*) FILTER (WHERE status = 'breached' OR (status = 'running' AND due_at <= now()))::int AS overdue
           FROM ${tableOf(manager, DeadlineEntity)}`,
          [env.DEADLINE_DUE_SOON_HOURS],
        );
        this.set({ state: 'due-soon' }, row?.soon ?? 0);
        this.set({ state: 'overdue' }, row?.overdue ?? 0);
      },
    });
  }
}
