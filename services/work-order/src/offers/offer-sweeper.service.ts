import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OfferWithdrawn } from '@legal/contracts';
import { Outbox } from '@legal/messaging';
import { PeriodicTask } from '@legal/scheduling';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../common/actor';
import { queryRows, tableOf } from '../common/sql';
import { WorkOrderEnv } from '../config/work-order.env';
import { OfferMetrics } from './offer-metrics';
import { tryLockWorkOrder } from '../work-orders/work-order-locks';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';
import { OfferEntity } from './entities/offer.entity';
import { OfferService } from './offer.service';

const BATCH = 20;

/**
 * Expires unanswered offers and moves each work order to its next candidate. Safe with any number of
 * instances: the work order is locked with SKIP LOCKED (a busy one is left for the next round) and the
 * offer is expired by a conditional UPDATE, so each expiry — and its OfferWithdrawn — happens once.
 */
@Injectable()
export class OfferSweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OfferSweeperService.name);
  private readonly task: PeriodicTask;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: OfferService,
    private readonly recorder: WorkOrderRecorder,
    private readonly outbox: Outbox,
    private readonly metrics: OfferMetrics,
    private readonly env: WorkOrderEnv,
  ) {
    this.task = new PeriodicTask(
      { name: 'offer sweep', intervalMs: env.OFFER_SWEEP_INTERVAL_MS },
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

  /** One round; returns how many offers this instance expired. */
  async sweep(): Promise<number> {
    const due = await queryRows<{ id: string; work_order_id: string }>(
      this.dataSource.manager,
      `SELECT id, work_order_id FROM ${tableOf(this.dataSource.manager, OfferEntity)} WHERE status = 'pending' AND expires_at <= now() ORDER BY expires_at LIMIT ${BATCH}`,
    );
    let expired = 0;
    for (const candidate of due) {
      if (this.task.isStopped) break;
      if (await this.expire(candidate.id, candidate.work_order_id)) expired++;
    }
    return expired;
  }

  private async expire(offerId: string, workOrderId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const wo = await tryLockWorkOrder(manager, workOrderId);
      if (!wo) return false;
      const [offer] = await queryRows<{ id: string; organisation_id: string; attempt: number }>(
        manager,
        `UPDATE ${tableOf(manager, OfferEntity)} SET status = 'expired', answered_at = now(), reason_code = 'timeout'
         WHERE id = $1 AND status = 'pending' AND expires_at <= now() RETURNING id, organisation_id, attempt`,
        [offerId],
      );
      if (!offer) return false;
      await this.outbox.publish(
        manager,
        OfferWithdrawn,
        { offerId: offer.id, workOrderId: wo.id, organisationId: offer.organisation_id, reason: 'expired' },
        { subject: wo.id },
      );
      wo.offerFailures += 1;
      await this.recorder.record(manager, wo, {
        action: 'offer-expired',
        actor: SYSTEM_ACTOR,
        note: `${wo.organisationName ?? offer.organisation_id} did not answer offer ${offer.attempt} within its window (${this.env.OFFER_TIMEOUT_SECONDS} s of duty time)`,
        data: { offerId: offer.id },
      });
      await this.offers.routeAndOffer(manager, wo, { trigger: 'offer-expired' });
      this.metrics.offersExpired.inc();
      return true;
    });
  }
}
