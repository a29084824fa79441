import { Injectable, OnModuleInit } from '@nestjs/common';
import { CloudEvent, OfferWithdrawn, WorkOrderDispatched } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { DispatchedData, OfferInbox, WithdrawnData } from '../offers/offer-inbox.service';

/** The consumer group (Kafka group `<service>.dispatch`; inbox rows under `dispatch`). */
export const DISPATCH_GROUP = 'dispatch';

/**
 * Reads the dispatch topic: offers (only those for this handler are kept) and withdrawals, in one
 * group so that a withdrawal is never handled before its offer. The inbox makes redelivery harmless.
 */
@Injectable()
export class DispatchConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly inbox: OfferInbox,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: DISPATCH_GROUP,
      events: [WorkOrderDispatched, OfferWithdrawn],
      handle: async (event, manager) => {
        if (event.type === WorkOrderDispatched.type) {
          await this.inbox.receive(manager, event as CloudEvent<DispatchedData>);
        } else if (event.type === OfferWithdrawn.type) {
          await this.inbox.withdraw(manager, event.data as WithdrawnData);
        }
      },
    });
  }
}
