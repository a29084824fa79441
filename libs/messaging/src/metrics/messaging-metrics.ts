import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Backlog } from '../outbox/outbox.store';

export interface LagSample {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

export interface MetricSources {
  backlog: () => Promise<Backlog>;
  consumerLag: () => Promise<LagSample[]>;
}

/**
 * Messaging metrics on the application's own prom-client registry. Backlog and consumer lag are
 * gauges computed when Prometheus scrapes (the sources cache their answers for a few seconds).
 */
export class MessagingMetrics {
  readonly published: Counter<'topic'>;
  readonly publishLatency: Histogram;
  readonly relayFailures: Counter;
  readonly publishRejections: Counter<'topic'>;
  readonly quarantinedTotal: Counter<'topic'>;
  readonly deadLetters: Counter<'topic' | 'reason' | 'group'>;
  readonly handlerDuration: Histogram<'group' | 'type' | 'outcome'>;

  constructor(registry: Registry, sources: MetricSources) {
    const registers = [registry];
    new Gauge({
      name: 'outbox_backlog_rows',
      help: 'Outbox rows committed but not yet published to Kafka (rows held behind a quarantine excluded)',
      registers,
      async collect() {
        this.set((await sources.backlog().catch(() => undefined))?.rows ?? 0);
      },
    });
    new Gauge({
      name: 'outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when the outbox is empty)',
      registers,
      async collect() {
        const oldest = (await sources.backlog().catch(() => undefined))?.oldestCreatedAt;
        this.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
      },
    });
    this.published = new Counter({
      name: 'outbox_published_total',
      help: 'Outbox rows published to Kafka',
      labelNames: ['topic'],
      registers,
    });
    this.publishLatency = new Histogram({
      name: 'outbox_publish_latency_seconds',
      help: 'From the outbox insert (in the committing transaction) to the broker acknowledging the event',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.relayFailures = new Counter({
      name: 'outbox_relay_failures_total',
      help: 'Relay rounds rolled back (Kafka or PostgreSQL unavailable)',
      registers,
    });
    this.publishRejections = new Counter({
      name: 'outbox_publish_rejections_total',
      help: 'Outbox rows the broker rejected (too large, topic missing or not authorised); each counts towards OUTBOX_MAX_ATTEMPTS',
      labelNames: ['topic'],
      registers,
    });
    this.quarantinedTotal = new Counter({
      name: 'outbox_quarantined_total',
      help: 'Outbox rows this instance quarantined',
      labelNames: ['topic'],
      registers,
    });
    new Gauge({
      name: 'outbox_quarantined_messages',
      help: 'Outbox rows in quarantine (rejected OUTBOX_MAX_ATTEMPTS times); their keys are held until an operator releases or discards them',
      registers,
      async collect() {
        this.set((await sources.backlog().catch(() => undefined))?.quarantined ?? 0);
      },
    });
    new Gauge({
      name: 'outbox_quarantine_held_rows',
      help: 'Unsent outbox rows of quarantined keys (the quarantined rows included), waiting behind the quarantine',
      registers,
      async collect() {
        this.set((await sources.backlog().catch(() => undefined))?.heldRows ?? 0);
      },
    });
    new Gauge({
      name: 'kafka_consumer_lag',
      help: 'Records on the partition not yet committed by the consumer group',
      labelNames: ['group', 'topic', 'partition'],
      registers,
      async collect() {
        const samples = await sources.consumerLag().catch(() => [] as LagSample[]);
        this.reset();
        for (const s of samples) this.set({ group: s.group, topic: s.topic, partition: String(s.partition) }, s.lag);
      },
    });
    this.deadLetters = new Counter({
      name: 'dead_letters_total',
      help: 'Records sent to a dead-letter topic, by source topic, reason and consumer group',
      labelNames: ['topic', 'reason', 'group'],
      registers,
    });
    this.handlerDuration = new Histogram({
      name: 'messaging_handler_duration_seconds',
      help: 'Consumer handler run time including its inbox transaction, by outcome',
      labelNames: ['group', 'type', 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
  }

  observePublished(rows: { topic: string; latencySeconds: number }[]): void {
    for (const row of rows) {
      this.published.inc({ topic: row.topic });
      this.publishLatency.observe(row.latencySeconds);
    }
  }
}
