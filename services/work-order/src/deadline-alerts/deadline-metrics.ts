import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@legal/observability';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { queryRows, tableOf } from '../common/sql';
import { WorkOrderEnv } from '../config/work-order.env';
import { DeadlineEntity } from '../sla/entities/deadline.entity';

/**
 * Deadline metrics on the app's registry: alerts this instance emitted (a counter, by alert) and
 * running deadlines due soon / overdue (a gauge computed from PostgreSQL on scrape).
 */
@Injectable()
export class DeadlineMetrics {
  readonly deadlineAlerts: Counter<'alert'>;

  constructor(registry: MetricsRegistry, @InjectDataSource() dataSource: DataSource, env: WorkOrderEnv) {
    const registers = [registry.registry];
    const manager = dataSource.manager;
    this.deadlineAlerts = new Counter({
      name: 'work_order_deadline_alerts_total',
      help: 'Deadline alerts this instance emitted, by alert',
      labelNames: ['alert'],
      registers,
    });
    new Gauge({
      name: 'work_order_deadlines',
      help: 'Running deadlines that fall due soon, and deadlines overdue (breached or running past due)',
      labelNames: ['state'],
      registers,
      async collect() {
        const sql = `SELECT
            count(*) FILTER (WHERE status = 'running' AND due_at > now()
                               AND due_at <= now() + make_interval(hours => $1))::int AS soon,
            count(*) FILTER (WHERE status = 'breached' OR (status = 'running' AND due_at <= now()))::int AS overdue
          FROM ${tableOf(manager, DeadlineEntity)}`;
        const [row] = await queryRows<{ soon: number; overdue: number }>(manager, sql, [env.DEADLINE_DUE_SOON_HOURS]);
        this.set({ state: 'due-soon' }, row?.soon ?? 0);
        this.set({ state: 'overdue' }, row?.overdue ?? 0);
      },
    });
  }
}
