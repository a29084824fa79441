import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CloudEvent, OfferWithdrawn, WorkOrderDispatched } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { HANDLER_NAME, HandlerName } from '../handler-kit.options';
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
    @Inject(HANDLER_NAME) private readonly handler: HandlerName,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: DISPATCH_GROUP,
      events: [WorkOrderDispatched, OfferWithdrawn],
      // Every handler reads the whole dispatch topic: another handler's offer is acknowledged before any
      // transaction (no BEGIN, inbox row or COMMIT, issue 14). A withdrawal names no handler, so all are taken
      // (withdrawing an offer this service never recorded changes nothing).
      accepts: (event) =>
        event.type !== WorkOrderDispatched.type || (event.data as DispatchedData).handler === this.handler,
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
