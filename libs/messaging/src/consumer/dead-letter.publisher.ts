import { deadLetterTopic, DeadLetterReason, DLQ_HEADERS } from '@legal/contracts';
import { Logger } from '@nestjs/common';
import { IHeaders, Kafka, Partitioners, Producer } from 'kafkajs';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import { withTimeout } from '../retry/backoff';
import type { ConsumedRecord } from './consumed-record';

export interface DeadLetter {
  record: ConsumedRecord;
  reason: DeadLetterReason;
  error: string;
  attempts: number;
  /** Physical consumer group id. */
  group: string;
}

/**
 * Sends a record that cannot be processed to `<topic>.dlq`: same key, same value, original headers
 * plus `dlq_*` headers saying why, from where and when. Throws if the broker does not take it (the
 * caller then keeps the source offset uncommitted and retries).
 */
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);
  private producer: Promise<Producer> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly metrics?: MessagingMetrics,
  ) {}

  async publish(letter: DeadLetter): Promise<void> {
    const { record } = letter;
    const headers: IHeaders = {
      ...stripDeadLetterHeaders(record.headers),
      [DLQ_HEADERS.reason]: letter.reason,
      [DLQ_HEADERS.error]: letter.error,
      [DLQ_HEADERS.sourceTopic]: record.topic,
      [DLQ_HEADERS.sourcePartition]: String(record.partition),
      [DLQ_HEADERS.sourceOffset]: record.offset,
      [DLQ_HEADERS.attempts]: String(letter.attempts),
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
      [DLQ_HEADERS.consumerGroup]: letter.group,
    };
    const topic = deadLetterTopic(record.topic);
    try {
      const producer = await this.connect();
      await producer.send({ topic, acks: -1, messages: [{ key: record.key, value: record.value, headers }] });
    } catch (e) {
      await this.reset();
      throw e;
    }
    this.metrics?.deadLetters.inc({ topic: record.topic, reason: letter.reason, group: letter.group });
    this.logger.warn({
      msg: 'message dead-lettered',
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      reason: letter.reason,
      attempts: letter.attempts,
      group: letter.group,
      error: letter.error,
    });
  }

  async stop(): Promise<void> {
    await this.reset();
  }

  private connect(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 2000 },
      });
      await producer.connect();
      return producer;
    })();
    return this.producer;
  }

  private async reset(): Promise<void> {
    const pending = this.producer;
    this.producer = undefined;
    if (!pending) return;
    const producer = await pending.catch(() => undefined);
    if (producer)
      await withTimeout(producer.disconnect(), 5000, 'producer disconnect timed out').catch(() => undefined);
  }
}

/** Headers without any `dlq_*` entry (a record dead-lettered twice, or replayed). */
export function stripDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  const dlqNames = new Set<string>(Object.values(DLQ_HEADERS));
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(([name]) => !dlqNames.has(name) && !name.startsWith('dlq_')),
  );
}
