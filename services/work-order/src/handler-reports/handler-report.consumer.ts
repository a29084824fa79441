import { Injectable, OnModuleInit } from '@nestjs/common';
import { InfoReceived, NeedsInfo, OfferAccepted, OfferRejected, Progressed, Resolved } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { HandlerReportService } from './handler-report.service';

/** Consumer group `handler-reports`: the handler services' answers and progress, in order per work order. */
@Injectable()
export class HandlerReportConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly reports: HandlerReportService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'handler-reports',
      events: [OfferAccepted, OfferRejected, NeedsInfo, InfoReceived, Progressed, Resolved],
      handle: async (event, manager) => {
        switch (event.type) {
          case OfferAccepted.type:
            return this.reports.offerAccepted(event as Parameters<HandlerReportService['offerAccepted']>[0], manager);
          case OfferRejected.type:
            return this.reports.offerRejected(event as Parameters<HandlerReportService['offerRejected']>[0], manager);
          case NeedsInfo.type:
            return this.reports.needsInfo(event as Parameters<HandlerReportService['needsInfo']>[0], manager);
          case InfoReceived.type:
            return this.reports.infoReceived(event as Parameters<HandlerReportService['infoReceived']>[0], manager);
          case Progressed.type:
            return this.reports.progressed(event as Parameters<HandlerReportService['progressed']>[0], manager);
          case Resolved.type:
            return this.reports.resolved(event as Parameters<HandlerReportService['resolved']>[0], manager);
          default:
            return undefined;
        }
      },
    });
  }
}
