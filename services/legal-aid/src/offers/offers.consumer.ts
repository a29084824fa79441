import { Injectable, OnModuleInit } from '@nestjs/common';
import { OfferWithdrawn, WorkOrderDispatched } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { DispatchedData, OffersService, WithdrawnData } from './offers.service';

/** Offers and withdrawals from the router (topic legal.workorder.dispatch); the inbox makes redelivery harmless. */
@Injectable()
export class OffersConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly offers: OffersService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'offers',
      events: [WorkOrderDispatched, OfferWithdrawn],
      handle: async (event, manager) => {
        if (event.type === WorkOrderDispatched.type) {
          await this.offers.receive(manager, event.data as DispatchedData, event.id);
        } else if (event.type === OfferWithdrawn.type) {
          await this.offers.withdraw(manager, event.data as WithdrawnData);
        }
      },
    });
  }
}
