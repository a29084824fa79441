import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask } from '@legal/scheduling';
import { HANDLER_SETTINGS, HandlerSettings } from '../handler-kit.options';
import { OfferInbox } from './offer-inbox.service';

/**
 * Marks open offers past their expiry as expired, every `sweepIntervalMs`. One conditional UPDATE, so
 * several instances may sweep at once without harm; accepting checks the expiry itself, the sweep
 * keeps lists truthful.
 */
@Injectable()
export class OfferExpirySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OfferExpirySweeper.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly inbox: OfferInbox,
    @Inject(HANDLER_SETTINGS) settings: HandlerSettings,
  ) {
    this.task = new PeriodicTask(
      { name: 'offer expiry sweep', intervalMs: settings.sweepIntervalMs },
      () => this.tick(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Expires what is due now; returns how many offers it expired. */
  sweep(now = new Date()): Promise<number> {
    return this.inbox.expireDue(now);
  }

  private async tick(): Promise<void> {
    const expired = await this.sweep();
    if (expired > 0) this.logger.log({ expired }, 'open offers expired');
  }
}
