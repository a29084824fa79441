import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { TokenVerifier } from '@legal/auth';
import type { AuthUser } from '@legal/auth';
import { PartnerTransferRequest } from '@legal/contracts';
import type { CloudEvent, EventData } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { PartnerTransferService, TransferRefusedError } from './partner-transfer.service';

/** Consumer group: `[<prefix>.]identity.partner-transfer-requests`. */
export const PARTNER_TRANSFER_REQUESTS_GROUP = 'partner-transfer-requests';
/** How far in the future an event's time may lie (clock skew between 12345 and us). */
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * 12345 transfers produced as events (legal.partner.transfer-request.v1 on legal.partner.notice). Every partner
 * principal may write that shared topic, so nothing in the record (source, header, body) says who sent it: the
 * record carries its sender's access token — signed by this service's own keys, sealed in transit for identity —
 * verified as of the event's time, and the transfer is that token's client's. A partner cannot transfer in another
 * partner's name without that partner's token. (A per-partner topic would bind the principal too, but would need a
 * topic and ACL per client on the running broker; the token binding is the one the defence notices already use.)
 * Invalid records (schema) and records whose token is not a valid 12345 client's are dead-lettered with the reason.
 */
@Injectable()
export class PartnerTransferConsumer implements OnModuleInit {
  private readonly logger = new Logger(PartnerTransferConsumer.name);

  constructor(
    private readonly consumers: MessageConsumers,
    private readonly transfers: PartnerTransferService,
    private readonly verifier: TokenVerifier,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: PARTNER_TRANSFER_REQUESTS_GROUP,
      events: [PartnerTransferRequest],
      handle: async (event, manager) => {
        const { partnerToken: _token, ...request } = event.data;
        const sender = await this.sender(event);
        await this.transfers.transferInByEvent(manager, event.id, sender.clientId ?? sender.subject, request);
      },
    });
  }

  /** The verified partner client that produced the record; TransferRefusedError otherwise. */
  private async sender(event: CloudEvent<EventData<typeof PartnerTransferRequest>>): Promise<AuthUser> {
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
    return sender;
  }

  private refuse(event: CloudEvent, reason: string): TransferRefusedError {
    this.logger.warn({ eventId: event.id, source: event.source, reason }, '12345 transfer request refused');
    return new TransferRefusedError(reason);
  }
}
