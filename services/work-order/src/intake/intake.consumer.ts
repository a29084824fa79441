import { Injectable, OnModuleInit } from '@nestjs/common';
import { IntakeSubmitted } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { IntakeService } from './intake.service';

/**
 * Consumer group `intake`: requests from the hotline, the portal and the centres.
 *
 * One record per transaction. This used to be forced by the case-code counter row, held until commit (other
 * partitions queued behind it; two batches taking two regions' counters in opposite order deadlocked). Codes
 * are now reserved outside the intake's transaction (CaseCodeService), so that reason is gone; what still
 * argues for one record is the person's advisory locks and the routed organisation's rows, which several
 * records of one transaction would hold for the whole batch and could take in opposite orders.
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
