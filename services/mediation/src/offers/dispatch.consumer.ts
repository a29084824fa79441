import { Injectable, OnModuleInit } from '@nestjs/common';
import { CloudEvent, OfferWithdrawn, WorkOrderDispatched } from '@legal/contracts';
import type { Payload } from '../common/event-payload';
import { MessageConsumers } from '@legal/messaging';
import { OffersService } from './offers.service';

type DispatchStreamEvent = CloudEvent<Payload<typeof WorkOrderDispatched>> | CloudEvent<Payload<typeof OfferWithdrawn>>;

/**
 * Reads the dispatch topic: offers (only those for the mediation handler are kept) and withdrawals,
 * in one group so that a withdrawal is never handled before its offer.
 */
@Injectable()
export class DispatchConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly offers: OffersService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'dispatch',
      events: [WorkOrderDispatched, OfferWithdrawn],
      handle: async (event, manager) => {
        const received = event as DispatchStreamEvent;
        if (received.type === WorkOrderDispatched.type) {
          await this.offers.receiveDispatch(manager, received as CloudEvent<Payload<typeof WorkOrderDispatched>>);
        } else {
          await this.offers.receiveWithdrawal(manager, received as CloudEvent<Payload<typeof OfferWithdrawn>>);
        }
      },
    });
  }
}
