import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadlineDueSoon, DeadlineOverdue } from '@legal/contracts';
import { Outbox } from '@legal/messaging';
import { PeriodicTask } from '@legal/scheduling';
import { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../common/actor';
import { queryRows, tableOf } from '../common/sql';
import { WorkOrderEnv } from '../config/work-order.env';
import { DeadlineMetrics } from './deadline-metrics';
import { SupervisionService } from '../supervision/supervision.service';
import { tryLockWorkOrder } from '../work-orders/work-order-locks';
import { DeadlineEntity } from '../sla/entities/deadline.entity';

const BATCH = 50;

interface AlertRow {
  id: string;
  kind: string;
  due_at: Date;
}

/**
 * Emits DeadlineDueSoon and DeadlineOverdue exactly once per deadline, whatever the number of
 * instances: the alert column is set by `UPDATE … WHERE <alert>_alerted_at IS NULL … RETURNING` in the
 * same transaction as the outbox row, with the work order locked (SKIP LOCKED) first. An overdue
 * deadline is also escalated: timeline entry and a supervision order.
 */
@Injectable()
export class DeadlineSweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineSweeperService.name);
  private readonly task: PeriodicTask;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly supervision: SupervisionService,
    private readonly metrics: DeadlineMetrics,
    private readonly env: WorkOrderEnv,
  ) {
    this.task = new PeriodicTask(
      { name: 'deadline sweep', intervalMs: env.DEADLINE_SWEEP_INTERVAL_MS },
      () => this.sweep(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    if (this.env.SWEEPERS_ENABLED) this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  async sweep(): Promise<{ dueSoon: number; overdue: number }> {
    const manager = this.dataSource.manager;
    const table = tableOf(manager, DeadlineEntity);
    const overdue = await queryRows<{ id: string; work_order_id: string }>(
      manager,
      `SELECT id, work_order_id FROM ${table} WHERE status = 'running' AND overdue_alerted_at IS NULL AND due_at <= now() ORDER BY due_at LIMIT ${BATCH}`,
    );
    const soon = await queryRows<{ id: string; work_order_id: string }>(
      manager,
      `SELECT id, work_order_id FROM ${table}
       WHERE status = 'running' AND due_soon_alerted_at IS NULL AND overdue_alerted_at IS NULL AND due_at > now() AND due_at <= now() + make_interval(hours => $1)
       ORDER BY due_at LIMIT ${BATCH}`,
      [this.env.DEADLINE_DUE_SOON_HOURS],
    );
    let sent = { dueSoon: 0, overdue: 0 };
    for (const d of overdue)
      if (!this.task.isStopped && (await this.alertOverdue(d.id, d.work_order_id)))
        sent = { ...sent, overdue: sent.overdue + 1 };
    for (const d of soon)
      if (!this.task.isStopped && (await this.alertDueSoon(d.id, d.work_order_id)))
        sent = { ...sent, dueSoon: sent.dueSoon + 1 };
    return sent;
  }

  private async alertDueSoon(deadlineId: string, workOrderId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const wo = await tryLockWorkOrder(manager, workOrderId);
      if (!wo) return false;
      const [row] = await this.claim(
        manager,
        `due_soon_alerted_at = now()`,
        `due_soon_alerted_at IS NULL AND overdue_alerted_at IS NULL AND due_at > now() AND due_at <= now() + make_interval(hours => $2)`,
        [deadlineId, this.env.DEADLINE_DUE_SOON_HOURS],
      );
      if (!row) return false;
      await this.outbox.publish(manager, DeadlineDueSoon, this.alertData(wo.id, wo.caseCode, wo.organisationId, row), {
        subject: wo.id,
      });
      this.metrics.deadlineAlerts.inc({ alert: 'due-soon' });
      return true;
    });
  }

  private async alertOverdue(deadlineId: string, workOrderId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const wo = await tryLockWorkOrder(manager, workOrderId);
      if (!wo) return false;
      const [row] = await this.claim(
        manager,
        `overdue_alerted_at = now(), status = 'breached'`,
        `overdue_alerted_at IS NULL AND due_at <= now()`,
        [deadlineId],
      );
      if (!row) return false;
      await this.outbox.publish(manager, DeadlineOverdue, this.alertData(wo.id, wo.caseCode, wo.organisationId, row), {
        subject: wo.id,
      });
      await this.supervision.escalate(manager, wo, {
        kind: 'overdue-escalation',
        reason: `deadline ${row.kind} passed unmet (due ${row.due_at.toISOString()}); escalated to supervision`,
        actor: SYSTEM_ACTOR,
      });
      this.metrics.deadlineAlerts.inc({ alert: 'overdue' });
      return true;
    });
  }

  private claim(manager: EntityManager, set: string, condition: string, params: unknown[]): Promise<AlertRow[]> {
    return queryRows<AlertRow>(
      manager,
      `UPDATE ${tableOf(manager, DeadlineEntity)} SET ${set}, updated_at = now() WHERE id = $1 AND status = 'running' AND ${condition} RETURNING id, kind, due_at`,
      params,
    );
  }

  private alertData(workOrderId: string, caseCode: string, organisationId: string | null, row: AlertRow) {
    return {
      workOrderId,
      caseCode,
      kind: row.kind.slice(0, 64),
      dueAt: new Date(row.due_at).toISOString(),
      ...(organisationId ? { organisationId } : {}),
      detectedAt: new Date().toISOString(),
    };
  }
}
