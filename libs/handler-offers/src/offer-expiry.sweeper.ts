import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OFFER_SWEEP_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
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
    if (this.running) return;
    this.running = this.sweep();
    try {
      const expired = await this.running;
      if (expired > 0) this.logger.log({ expired }, 'open offers expired');
    } catch (err) {
      this.logger.warn({ err }, 'offer expiry sweep failed; retrying on the next tick');
    } finally {
      this.running = undefined;
    }
  }
}
