import type { CloudEvent } from '@legal/contracts';
import { randomUUID } from 'node:crypto';
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { decodeCloudEvent, headersToStrings } from '../envelope/cloud-event.codec';
import { createKafka } from '../kafka.module';
import { findEventDefinition, sealRecipientsOf } from '@legal/contracts';
import { EventSealing } from '../sealing/event-sealing';
import { openCloudEvent } from '../sealing/seal-cloud-event';

/** One record as a test sees it: strings instead of Buffers, and the decoded CloudEvent if it is one. */
export interface CollectedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  /**
   * Binary-mode CloudEvent (envelope + JSON data, schema not checked); undefined if not decodable.
   * Sealed personal-data fields are opened as the type's first consumer would with the development
   * keys (`value` keeps the bytes as they travel); left sealed if that fails (see `sealed`).
   */
  event: CloudEvent | undefined;
  /** True when the record carried sealed fields that could not be opened with development keys. */
  sealed?: boolean;
}

export type KafkaSource = Kafka | string[];

function kafkaOf(source: KafkaSource): Kafka {
  return Array.isArray(source)
    ? createKafka({ brokers: source, clientId: 'event-collector', topicPrefix: '', partitions: 1 })
    : source;
}

/**
 * A throw-away consumer for tests: reads physical topics from the beginning (use `prefixedTopic`)
 * and keeps every record, so a test can wait for what it expects. `stop()` deletes its group.
 */
export class EventCollector {
  readonly records: CollectedRecord[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly kafka: Kafka,
    private readonly consumer: Consumer,
    private readonly groupId: string,
  ) {}

  /** Retries a few times: right after topics were created the broker may not serve them yet. */
  static async start(source: KafkaSource, topics: string[], attempts = 5): Promise<EventCollector> {
    const kafka = kafkaOf(source);
    for (let attempt = 1; ; attempt++) {
      const groupId = `collector-${randomUUID()}`;
      const consumer = kafka.consumer({
        groupId,
        allowAutoTopicCreation: false,
        maxWaitTimeInMs: 200,
        sessionTimeout: 10000,
        heartbeatInterval: 1000,
      });
      const collector = new EventCollector(kafka, consumer, groupId);
      try {
        await consumer.connect();
        await consumer.subscribe({ topics, fromBeginning: true });
        await consumer.run({ eachMessage: async (payload) => collector.collect(payload) });
        return collector;
      } catch (e) {
        await collector.stop();
        if (attempt >= attempts) throw e;
        await new Promise((r) => setTimeout(r, 500 * attempt));
      }
    }
  }

  private async collect({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const decoded = decodeCloudEvent({ headers: message.headers, value: message.value });
    let event = decoded.ok ? decoded.event : undefined;
    let sealed: boolean | undefined;
    const definition = event ? findEventDefinition(event.type) : undefined;
    if (event && definition && EventSealing.hasSealedFields(definition)) {
      try {
        event = await openCloudEvent(event, sealRecipientsOf(definition, event.data)[0] ?? 'unknown');
      } catch {
        sealed = true;
      }
    }
    this.records.push({
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? null,
      value: message.value?.toString('utf8') ?? null,
      headers: headersToStrings(message.headers),
      event,
      ...(sealed ? { sealed } : {}),
    });
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  events(): CloudEvent[] {
    return this.records.flatMap((r) => (r.event ? [r.event] : []));
  }

  /** Resolves with the matching records once there are at least `count`; rejects after `timeoutMs`. */
  async waitFor(
    predicate: (record: CollectedRecord) => boolean,
    count = 1,
    timeoutMs = 30000,
  ): Promise<CollectedRecord[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.records.filter(predicate);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `expected ${count} matching record(s), found ${found.length} of ${this.records.length} within ${timeoutMs} ms`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.groupId]);
    } catch {
      // best effort: an empty group expires on its own
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

/**
 * Events on `topic` (physical name) matching `predicate`. With `count`, resolves as soon as that many
 * arrived and rejects if they do not within `timeoutMs`; without, collects for `timeoutMs` and
 * resolves with whatever matched.
 */
export async function collectEvents(
  source: KafkaSource,
  topic: string,
  predicate: (event: CloudEvent) => boolean,
  timeoutMs: number,
  options: { count?: number } = {},
): Promise<CloudEvent[]> {
  const collector = await EventCollector.start(source, [topic]);
  const match = (r: CollectedRecord): boolean => r.event !== undefined && predicate(r.event);
  try {
    if (options.count !== undefined) {
      const found = await collector.waitFor(match, options.count, timeoutMs);
      return found.flatMap((r) => (r.event ? [r.event] : []));
    }
    await new Promise((resolve) => setTimeout(resolve, timeoutMs));
    return collector.records.filter(match).flatMap((r) => (r.event ? [r.event] : []));
  } finally {
    await collector.stop();
  }
}

/** The first event on `topic` (physical name) matching `predicate`; rejects after `timeoutMs`. */
export async function waitForEvent(
  source: KafkaSource,
  topic: string,
  predicate: (event: CloudEvent) => boolean,
  timeoutMs = 30000,
): Promise<CloudEvent> {
  const [event] = await collectEvents(source, topic, predicate, timeoutMs, { count: 1 });
  if (!event) throw new Error(`no matching event on ${topic}`);
  return event;
}
