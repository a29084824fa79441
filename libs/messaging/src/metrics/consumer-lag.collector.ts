import type { Admin, Kafka } from 'kafkajs';
import { withTimeout } from '../retry/backoff';
import type { LagSample } from './messaging-metrics';

export interface LagTarget {
  groupId: string;
  topics: string[];
}

/**
 * Consumer lag per group/topic/partition from the broker (committed offsets vs. high watermarks),
 * through one admin connection, cached for `cacheMs` so frequent scrapes cost nothing.
 */
export class ConsumerLagCollector {
  private admin: Admin | undefined;
  private cached: { at: number; value: Promise<LagSample[]> } | undefined;
  private last: LagSample[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly targets: () => LagTarget[],
    private readonly cacheMs = 5000,
  ) {}

  collect(): Promise<LagSample[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > this.cacheMs) {
      const value = withTimeout(this.fetch(), 3000, 'consumer lag fetch timed out').then(
        (samples) => (this.last = samples),
        async () => {
          await this.reset();
          return this.last;
        },
      );
      this.cached = { at: now, value };
    }
    return this.cached.value;
  }

  async stop(): Promise<void> {
    await this.reset();
  }

  private async fetch(): Promise<LagSample[]> {
    const targets = this.targets();
    if (targets.length === 0) return [];
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: { retries: 1 } });
      await admin.connect();
      this.admin = admin;
    }
    const admin = this.admin;
    const topics = [...new Set(targets.flatMap((t) => t.topics))];
    const ends = new Map<string, Map<number, { high: bigint; low: bigint }>>();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends.set(topic, new Map(offsets.map((o) => [o.partition, { high: BigInt(o.high), low: BigInt(o.low) }])));
    }
    const samples: LagSample[] = [];
    for (const target of targets) {
      const committed = await admin.fetchOffsets({ groupId: target.groupId, topics: target.topics });
      for (const { topic, partitions } of committed) {
        for (const { partition, offset } of partitions) {
          const end = ends.get(topic)?.get(partition);
          if (!end) continue;
          const position = BigInt(offset) >= 0n ? BigInt(offset) : end.low;
          const lag = end.high - position;
          samples.push({ group: target.groupId, topic, partition, lag: Number(lag > 0n ? lag : 0n) });
        }
      }
    }
    return samples;
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
