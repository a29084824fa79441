import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { IntakeRegistered, IntakeRejected } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { ReadModelLagMetric } from '../metrics/read-model-lag.metric';
import { PLATFORM_KIT_OPTIONS, PlatformKitOptions } from '../platform-kit.options';
import { IntakeSubmissionService } from './intake-submission.service';

/** Records what the work-order service made of this platform's intakes (other platforms' outcomes are skipped). */
@Injectable()
export class IntakeOutcomeConsumer implements OnModuleInit {
  constructor(
    @Inject(PLATFORM_KIT_OPTIONS) private readonly options: PlatformKitOptions,
    private readonly consumers: MessageConsumers,
    private readonly intakes: IntakeSubmissionService,
    private readonly lag: ReadModelLagMetric,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: `${this.options.platform}-intake-outcome`,
      events: [IntakeRegistered, IntakeRejected],
      // Every platform reads the whole outcome topic: another platform's outcome is acknowledged before any
      // transaction (no BEGIN, inbox row or COMMIT for about two records in three, issue 14).
      accepts: (event) => event.data.platform === this.options.platform,
      handle: async (event, manager) => {
        const appliedAt = new Date();
        if (event.type === IntakeRejected.type) {
          await this.intakes.applyRejected(manager, event.data as EventData<typeof IntakeRejected>, appliedAt);
        } else {
          await this.intakes.applyRegistered(manager, event.data as EventData<typeof IntakeRegistered>, appliedAt);
        }
        this.lag.observe('intake_outcome', event.time, appliedAt);
      },
    });
  }
}
