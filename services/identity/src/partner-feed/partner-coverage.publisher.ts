import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PartnerClientCoverage } from '@legal/contracts';
import { Outbox } from '@legal/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerClient } from '../partners/entities/partner-client.entity';

/**
 * Tells work-order which regions the 12345 hotline's partner clients cover (legal.partner.client-coverage.v1 on the
 * compacted legal.partner.clients, keyed by client id): on every registration or change of a 12345 client, in its
 * transaction, and for every 12345 client at start-up (idempotent: the projection keeps the newest per client).
 */
@Injectable()
export class PartnerCoveragePublisher implements OnApplicationBootstrap {
  private readonly logger = new Logger(PartnerCoveragePublisher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const clients = await this.dataSource.getRepository(PartnerClient).findBy({ channel: '12345' });
    if (clients.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      for (const client of clients) await this.publish(manager, client);
    });
    this.logger.log({ clients: clients.length }, '12345 client coverage published');
  }

  /** The coverage of `client` if it is a 12345 client (nothing otherwise). */
  async publish(manager: EntityManager, client: PartnerClient): Promise<void> {
    if (client.channel !== '12345') return;
    await this.outbox.publish(
      manager,
      PartnerClientCoverage,
      {
        clientId: client.clientId,
        channel: '12345',
        active: !client.disabled,
        ...(client.regionCode ? { regionCode: client.regionCode } : {}),
        changedAt: new Date().toISOString(),
      },
      { subject: client.clientId },
    );
  }
}
