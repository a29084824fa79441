import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CloudEvent,
  DeadlineDueSoon,
  DeadlineOverdue,
  PartnerFeedItem,
  partnerFeedTopic,
  PARTNER_SOURCE_EVENTS,
  WorkOrderChanged,
} from '@legal/contracts';
import { MessageConsumers, Outbox, OutboxMessage } from '@legal/messaging';
import { describeError } from '@legal/observability';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerClient } from '../partners/entities/partner-client.entity';
import { PartnerBrokerAccess } from './partner-broker-access';
import { agreedFields, agreementNames, feedItemId, inPartnerScope, projectFeedItem } from './partner-feed.projection';

/** Consumer group of the gateway: `[<prefix>.]identity.partner-feed`. */
export const PARTNER_FEED_GROUP = 'partner-feed';

/**
 * The partner gateway: enforces data-sharing agreements. It consumes the lifecycle topics partners may
 * agree to and, for every active partner whose agreement names the event's topic (and whose region, if it
 * has one, holds the work order), writes one feed item with exactly the agreed fields to that partner's
 * own topic, through the outbox, in the transaction of the inbox row. The partners are read in that same
 * transaction (locked FOR SHARE), so an agreement change or a disabling applies from the very next event.
 */
@Injectable()
export class PartnerFeedGateway implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(PartnerFeedGateway.name);

  constructor(
    private readonly consumers: MessageConsumers,
    private readonly outbox: Outbox,
    private readonly access: PartnerBrokerAccess,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: PARTNER_FEED_GROUP,
      events: [WorkOrderChanged, DeadlineDueSoon, DeadlineOverdue],
      handle: (event, manager) => this.project(event, manager),
    });
  }

  /** Brings every client's broker side in line with its state (a grant or revocation that failed earlier), in the background. */
  onApplicationBootstrap(): void {
    void this.reconcileBrokerAccess().catch((e) =>
      this.logger.error({ msg: 'partner broker access reconciliation failed', error: describeError(e) }),
    );
  }

  async reconcileBrokerAccess(): Promise<void> {
    for (const client of await this.dataSource.getRepository(PartnerClient).find({ order: { clientId: 'ASC' } })) {
      try {
        await this.access.apply(client);
      } catch (e) {
        this.logger.error({
          msg: 'cannot apply partner broker access',
          clientId: client.clientId,
          error: describeError(e),
        });
      }
    }
  }

  /** One lifecycle event onto the feeds of the partners it concerns. */
  async project(event: CloudEvent, manager: EntityManager): Promise<void> {
    const source = PARTNER_SOURCE_EVENTS.find((e) => e.type === event.type);
    if (!source) return;
    const partners = await manager
      .getRepository(PartnerClient)
      .createQueryBuilder('c')
      .setLock('pessimistic_read')
      .where('c.disabled = false')
      .andWhere(`c.agreement -> 'topics' @> :named::jsonb`, { named: JSON.stringify([{ topic: source.topic }]) })
      .orderBy('c.clientId', 'ASC')
      .getMany();
    for (const partner of partners) {
      if (!agreementNames(partner.agreement, source.topic) || !inPartnerScope(partner.regionCode, event.data)) continue;
      await this.access.ensureFeedTopic(partner.clientId);
      await this.outbox.publish(
        manager,
        PartnerFeedItem,
        projectFeedItem(event, agreedFields(partner.agreement, source.topic)),
        {
          subject: event.subject,
          topic: partnerFeedTopic(partner.clientId),
          id: feedItemId(event.id, partner.clientId),
          causationId: event.id,
        },
      );
    }
  }

  /**
   * Stops a client's feed at once: feed items written but not yet relayed are dropped, in the caller's
   * transaction (the one that disables the client). Called with the client row locked, so no gateway
   * transaction that still saw it active can commit afterwards.
   */
  async discardUnsent(manager: EntityManager, clientId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(OutboxMessage)
      .where('topic = :topic AND sent_at IS NULL', { topic: partnerFeedTopic(clientId) })
      .execute();
    const dropped = result.affected ?? 0;
    if (dropped > 0)
      this.logger.log({ msg: 'dropped unsent feed items of a disabled partner client', clientId, count: dropped });
    return dropped;
  }
}
