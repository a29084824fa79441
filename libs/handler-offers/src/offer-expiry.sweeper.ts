import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PeriodicTask } from '@legal/scheduling';
import { DataSource } from 'typeorm';
import { Offer } from './offer.entity';

/** Milliseconds between expiry sweeps (0 turns the sweeper off); each service provides it from its env. */
export const OFFER_SWEEP_INTERVAL_MS = Symbol('OFFER_SWEEP_INTERVAL_MS');

/**
 * Marks open offers past their expiry as expired. One conditional UPDATE, so several instances may
 * sweep at once without harm; accepting checks the expiry itself, the sweep keeps lists truthful.
 */
@Injectable()
export class OfferExpirySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OfferExpirySweeper.name);
  private readonly task: PeriodicTask;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OFFER_SWEEP_INTERVAL_MS) intervalMs: number,
  ) {
    this.task = new PeriodicTask({ name: 'offer expiry sweep', intervalMs }, () => this.tick(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Expires what is due now; returns how many offers it expired. */
  async sweep(now = new Date()): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Offer)
      .set({ status: 'expired', decidedAt: now, decidedBy: 'system' })
      .where('status = :open AND expires_at <= :now', { open: 'open', now })
      .execute();
    return result.affected ?? 0;
  }

  private async tick(): Promise<void> {
    const expired = await this.sweep();
    if (expired > 0) this.logger.log({ expired }, 'open offers expired');
  }
}
