import { OfferWithdrawn, WorkOrderDispatched } from '@legal/contracts';
import type { ConsumerRegistration, MessageConsumers } from '@legal/messaging';
import type { OfferInbox } from '../offers/offer-inbox.service';
import { DispatchConsumer } from './dispatch.consumer';

type Registration = ConsumerRegistration<typeof WorkOrderDispatched | typeof OfferWithdrawn>;

describe('DispatchConsumer', () => {
  function registered(): Registration {
    let registration: Registration | undefined;
    const consumers = { register: (r: Registration) => (registration = r) } as unknown as MessageConsumers;
    new DispatchConsumer(consumers, {} as OfferInbox, 'legal-aid').onModuleInit();
    if (!registration) throw new Error('nothing registered');
    return registration;
  }

  type Event = Parameters<NonNullable<Registration['accepts']>>[0];
  const dispatched = (handler: string) =>
    ({ type: WorkOrderDispatched.type, data: { ...WorkOrderDispatched.example, handler } }) as unknown as Event;
  const withdrawn = { type: OfferWithdrawn.type, data: OfferWithdrawn.example } as unknown as Event;

  it("accepts this handler's offers and every withdrawal, so other handlers' offers cost no transaction", () => {
    const { accepts } = registered();
    expect(accepts?.(dispatched('legal-aid'))).toBe(true);
    expect(accepts?.(dispatched('mediation'))).toBe(false);
    expect(accepts?.(withdrawn)).toBe(true);
  });
});
