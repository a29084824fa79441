import { Injectable, OnModuleInit } from '@nestjs/common';
import { DefenceNotice } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { DefenceNoticesService } from './defence-notices.service';

/** Notified-defence notices from partner agencies (topic legal.partner.notice). */
@Injectable()
export class DefenceNoticesConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly notices: DefenceNoticesService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'defence-notices',
      events: [DefenceNotice],
      handle: async (event, manager) => {
        await this.notices.record(manager, event.data, 'event', event.source, event.id);
      },
    });
  }
}
