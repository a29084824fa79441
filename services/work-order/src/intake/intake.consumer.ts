import { Injectable, OnModuleInit } from '@nestjs/common';
import { IntakeSubmitted } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { IntakeService } from './intake.service';

/**
 * Consumer group `intake`: requests from the hotline, the portal and the centres.
 *
 * One record per transaction: registering a request takes the day's case-code counter row of its
 * region, held until commit. In a transaction of many records that row stayed locked for the whole
 * batch, so the other partitions queued behind it (and two batches taking two regions' counters in
 * opposite order deadlocked).
 */
@Injectable()
export class IntakeConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly intake: IntakeService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'intake',
      events: [IntakeSubmitted],
      recordsPerTransaction: 1,
      handle: (event, manager) => this.intake.handle(event, manager),
    });
  }
}
