import { DynamicModule, Module } from '@nestjs/common';
import { CalendarClockFollower, HANDLER_CALENDAR_CLOCKS } from './calendar/calendar-clock-follower';
import { DispatchConsumer } from './dispatch/dispatch.consumer';
import { HANDLER_API, HANDLER_DOMAIN, HANDLER_NAME, HANDLER_SETTINGS, HandlerKitOptions } from './handler-kit.options';
import { OfferExpirySweeper } from './offers/offer-expiry.sweeper';
import { OfferInbox } from './offers/offer-inbox.service';
import { offersControllerFor } from './offers/offers.controller';
import { HandlerReporter } from './reports/handler-reporter';

/**
 * Everything a handler service needs around its domain: the dispatch consumer, the offer inbox with
 * its expiry sweeper and routes, the reporter back to work-order and, with `calendarClocks`, the
 * recomputation of the handler's open clocks when a calendar year is loaded. Import it once, in the
 * service's root module, with the service's domain callbacks. It is global: the service's domain
 * modules inject `HandlerReporter` (and `OfferInbox`) without importing it.
 */
@Module({})
export class HandlerKitModule {
  static forHandler(options: HandlerKitOptions): DynamicModule {
    return {
      module: HandlerKitModule,
      global: true,
      imports: options.imports ?? [],
      controllers: [offersControllerFor(options.api)],
      providers: [
        { provide: HANDLER_NAME, useValue: options.handler },
        { provide: HANDLER_API, useValue: options.api },
        { provide: HANDLER_DOMAIN, useClass: options.domain },
        { provide: HANDLER_SETTINGS, inject: options.settings.inject ?? [], useFactory: options.settings.useFactory },
        HandlerReporter,
        OfferInbox,
        OfferExpirySweeper,
        DispatchConsumer,
        ...(options.calendarClocks ? [{ provide: HANDLER_CALENDAR_CLOCKS, useClass: options.calendarClocks }] : []),
        CalendarClockFollower,
      ],
      exports: [HandlerReporter, OfferInbox, OfferExpirySweeper, CalendarClockFollower, HANDLER_NAME],
    };
  }
}
