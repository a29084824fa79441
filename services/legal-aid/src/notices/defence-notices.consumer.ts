import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { TokenVerifier } from '@legal/auth';
import type { AuthUser } from '@legal/auth';
import { DefenceNotice } from '@legal/contracts';
import type { CloudEvent, EventData } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { DefenceNoticesService } from './defence-notices.service';
import { bindingOf, noticeBindingProblems, NoticeRefusedError } from './partner-binding';

/** How far in the future an event's time may lie (clock skew between a partner and us). */
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Notified-defence notices from partner agencies (topic legal.partner.notice). The broker lets every
 * partner write this topic, so the consumer does not take the notice's word for who sent it: the event
 * carries the sender's access token, verified as of the event's time, and the notice must be for that
 * client's agency and lie in its area, exactly as the REST route checks. Anything else never creates
 * an application: it is dead-lettered with the reason.
 */
@Injectable()
export class DefenceNoticesConsumer implements OnModuleInit {
  private readonly logger = new Logger(DefenceNoticesConsumer.name);

  constructor(
    private readonly consumers: MessageConsumers,
    private readonly notices: DefenceNoticesService,
    private readonly verifier: TokenVerifier,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'defence-notices',
      events: [DefenceNotice],
      handle: async (event, manager) => {
        const { partnerToken: _token, ...notice } = event.data;
        const sender = await this.sender(event);
        await this.notices.record(manager, notice, 'event', sender.clientId ?? sender.subject, event.id);
      },
    });
  }

  /** The verified partner that sent the notice, if it may file it; NoticeRefusedError otherwise. */
  private async sender(event: CloudEvent<EventData<typeof DefenceNotice>>): Promise<AuthUser> {
    const sentAt = new Date(event.time);
    if (sentAt.getTime() > Date.now() + FUTURE_SKEW_MS)
      throw this.refuse(event, `event time ${event.time} lies in the future`);
    let sender: AuthUser;
    try {
      sender = await this.verifier.verify(event.data.partnerToken, { at: sentAt });
    } catch {
      throw this.refuse(event, 'partnerToken is not a valid access token of the identity service at the event time');
    }
    if (!sender.roles.includes('partner')) throw this.refuse(event, 'partnerToken is not a partner client token');
    const problems = noticeBindingProblems(bindingOf(sender), event.data);
    if (problems.length > 0)
      throw this.refuse(event, problems.map((p) => `${p.field}: ${p.messages.join('; ')}`).join(' | '));
    return sender;
  }

  private refuse(event: CloudEvent, reason: string): NoticeRefusedError {
    this.logger.warn({ eventId: event.id, source: event.source, reason }, 'defence notice refused');
    return new NoticeRefusedError(reason);
  }
}
