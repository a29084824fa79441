import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@legal/observability';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { queryRows, tableOf } from '../common/sql';
import { OfferEntity } from './entities/offer.entity';

/**
 * Offer metrics on the app's registry: offers this instance expired (a counter) and offers waiting for
 * an answer (a gauge computed from PostgreSQL on scrape, the same for every instance).
 */
@Injectable()
export class OfferMetrics {
  readonly offersExpired: Counter;

  constructor(registry: MetricsRegistry, @InjectDataSource() dataSource: DataSource) {
    const registers = [registry.registry];
    const manager = dataSource.manager;
    this.offersExpired = new Counter({
      name: 'work_order_offers_expired_total',
      help: 'Offers this instance expired (unanswered in time)',
      registers,
    });
    new Gauge({
      name: 'work_order_offers_pending',
      help: 'Offers waiting for an answer',
      registers,
      async collect() {
        const sql = `SELECT count(*)::int AS n FROM ${tableOf(manager, OfferEntity)} WHERE status = 'pending'`;
        const [row] = await queryRows<{ n: number }>(manager, sql);
        this.set(row?.n ?? 0);
      },
    });
  }
}
