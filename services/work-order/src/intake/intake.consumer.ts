import { Injectable, OnModuleInit } from '@nestjs/common';
import { IntakeSubmitted } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { IntakeService } from './intake.service';

/** Consumer group `intake`: requests from the hotline, the portal and the centres. */
@Injectable()
export class IntakeConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly intake: IntakeService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({ group: 'intake', events: [IntakeSubmitted], handle: (event, manager) => this.intake.handle(event, manager) });
  }
}
