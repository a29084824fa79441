import { Injectable, OnModuleInit } from '@nestjs/common';
import { significantPrefix } from '@legal/auth';
import { PartnerClientCoverage } from '@legal/contracts';
import type { CloudEvent, EventData } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import type { EntityManager } from 'typeorm';
import { Coverage12345Entity } from './entities/coverage-12345.entity';

/**
 * The 12345 clients' coverage as identity publishes it (newest per client wins): which regions a transfer out to
 * 12345 can reach. Consumer group `[<prefix>.]work-order.coverage-12345`.
 */
@Injectable()
export class Coverage12345Projection implements OnModuleInit {
  constructor(private readonly consumers: MessageConsumers) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'coverage-12345',
      events: [PartnerClientCoverage],
      handle: (event, manager) => this.apply(event, manager),
    });
  }

  async apply(event: CloudEvent, manager: EntityManager): Promise<void> {
    const data = event.data as EventData<typeof PartnerClientCoverage>;
    const changedAt = new Date(data.changedAt);
    const repository = manager.getRepository(Coverage12345Entity);
    const current = await repository.findOne({
      where: { clientId: data.clientId },
      lock: { mode: 'pessimistic_write' },
    });
    if (current && current.changedAt > changedAt) return; // an older change told late (keyed by client: rare)
    await repository.save({
      clientId: data.clientId,
      active: data.active,
      regionCode: data.regionCode ?? null,
      changedAt,
    });
  }

  /** The active 12345 clients whose region covers `regionCode` (a client without a region covers all). */
  static async covering(manager: EntityManager, regionCode: string): Promise<string[]> {
    const active = await manager
      .getRepository(Coverage12345Entity)
      .find({ where: { active: true }, order: { clientId: 'ASC' } });
    return active
      .filter((c) => !c.regionCode || regionCode.startsWith(significantPrefix(c.regionCode)))
      .map((c) => c.clientId);
  }
}
