import { CloudEvent, prefixedTopic } from '@legal/contracts';
import { Logger } from '@nestjs/common';
import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { encodeCloudEvent } from '../envelope/cloud-event.codec';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import { BackoffPolicy, backoffDelay, sleep, withTimeout } from '../retry/backoff';
import { describeError } from '@legal/observability';
import { WakeupSignal } from '../retry/wakeup-signal';
import { ClaimLimits, OutboxRow, OutboxStore } from './outbox.store';

export interface OutboxRelayOptions extends ClaimLimits {
  /** Fallback poll when no wake-up arrives. */
  pollIntervalMs: number;
  /** Backoff between failed rounds (Kafka or PostgreSQL down). */
  backoff: BackoffPolicy;
  /** Sent rows are kept this long for inspection, then purged. */
  retentionMs: number;
  purgeIntervalMs: number;
}

export const DEFAULT_RELAY_OPTIONS: OutboxRelayOptions = {
  scanWindow: 5000,
  maxKeys: 64,
  batchSize: 500,
  pollIntervalMs: 1000,
  backoff: { initialMs: 200, maxMs: 5000 },
  retentionMs: 60 * 60 * 1000,
  purgeIntervalMs: 60 * 1000,
};

export interface RelayStatus {
  running: boolean;
  published: number;
  consecutiveFailures: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
}

function toCloudEvent(row: OutboxRow): CloudEvent {
  return {
    id: row.eventId,
    source: row.source,
    type: row.eventType,
    specversion: '1.0',
    time: row.eventTime.toISOString(),
    subject: row.partitionKey,
    datacontenttype: 'application/json',
    correlationid: row.correlationId,
    ...(row.causationId ? { causationid: row.causationId } : {}),
    data: row.payload,
  };
}

/**
 * Publishes committed outbox rows to Kafka, one loop per service instance. Each round, in one
 * transaction: try-lock keys, claim their oldest unsent rows, send them (idempotent producer, one
 * request in flight, acks=all), mark them sent, commit. A failure rolls the round back (the rows
 * stay unsent) and the loop backs off; it never throws out of the loop.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly signal = new WakeupSignal();
  private readonly abort = new AbortController();
  private producer: Producer | undefined;
  private loop: Promise<void> | undefined;
  private lastPurgeAt = 0;
  private readonly state: RelayStatus = { running: false, published: 0, consecutiveFailures: 0, lastSuccessAt: null, lastError: null };

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly topicPrefix: string,
    private readonly store: OutboxStore,
    private readonly options: OutboxRelayOptions = DEFAULT_RELAY_OPTIONS,
    private readonly metrics?: MessagingMetrics,
  ) {}

  /** Wake the loop now (a commit, a NOTIFY); harmless when it is busy. */
  wake(): void {
    this.signal.notify();
  }

  start(): void {
    if (this.loop) return;
    this.state.running = true;
    this.loop = this.run().finally(() => {
      this.state.running = false;
    });
  }

  /**
   * Lets the current round finish (bounded: a round stuck on an unreachable broker is cut short by
   * disconnecting its producer, which rolls the round back), then disconnects.
   */
  async stop(graceMs = 5000): Promise<void> {
    this.abort.abort();
    if (this.loop) {
      const finished = await withTimeout(this.loop, graceMs, 'relay round still running').then(
        () => true,
        () => false,
      );
      if (!finished) {
        await this.discardProducer();
        await this.loop;
      }
    }
    await this.discardProducer();
  }

  status(): RelayStatus {
    return { ...this.state };
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        const published = await this.relayOnce();
        this.onSuccess();
        await this.purgeIfDue();
        if (published > 0) continue;
        await this.signal.wait(this.options.pollIntervalMs, this.abort.signal);
      } catch (e) {
        await this.onFailure(e);
      }
    }
  }

  /** One round; returns how many rows it published. Public so tests can drive the relay step by step. */
  async relayOnce(): Promise<number> {
    const queryRunner = this.dataSource.createQueryRunner();
    let rows: OutboxRow[] = [];
    try {
      await queryRunner.connect();
      await queryRunner.startTransaction();
      await queryRunner.query(`SET LOCAL lock_timeout = '5s'`);
      const keys = await this.store.lockKeys(queryRunner, this.options);
      if (keys.length > 0) rows = await this.store.claimRows(queryRunner, keys, this.options.batchSize);
      if (rows.length === 0) {
        await queryRunner.commitTransaction();
        return 0;
      }
      await this.send(rows);
      const sentAt = await this.store.markSent(queryRunner, rows.map((r) => r.id));
      await queryRunner.commitTransaction();
      this.state.published += rows.length;
      this.metrics?.observePublished(rows.map((r) => ({ topic: r.topic, latencySeconds: Math.max(0, (sentAt.getTime() - r.createdAt.getTime()) / 1000) })));
      return rows.length;
    } catch (e) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      if (rows.length > 0) {
        await this.store.recordFailure(this.dataSource, rows.map((r) => r.id), describeError(e, 1000)).catch(() => undefined);
      }
      throw e;
    } finally {
      await queryRunner.release().catch(() => undefined);
    }
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const topic = prefixedTopic(this.topicPrefix, row.topic);
      const record = encodeCloudEvent(toCloudEvent(row));
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: record.key, value: record.value, headers: record.headers });
      byTopic.set(topic, messages);
    }
    const producer = await this.ensureProducer();
    await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }

  private async ensureProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Bounded, so a round fails (and rolls back) instead of holding its locks while the broker is away.
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 2000 },
    });
    try {
      await producer.connect();
    } catch (e) {
      await producer.disconnect().catch(() => undefined);
      throw e;
    }
    this.producer = producer;
    return producer;
  }

  /** After a failed send the producer may be in an unknown state; the next round makes a fresh one. */
  private async discardProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await withTimeout(producer.disconnect(), 5000, 'producer disconnect timed out').catch(() => undefined);
  }

  private onSuccess(): void {
    if (this.state.consecutiveFailures > 0) {
      this.logger.log({ msg: 'outbox relay recovered', failedRounds: this.state.consecutiveFailures });
    }
    this.state.consecutiveFailures = 0;
    this.state.lastSuccessAt = new Date();
    this.state.lastError = null;
  }

  private async onFailure(error: unknown): Promise<void> {
    const failures = ++this.state.consecutiveFailures;
    this.state.lastError = describeError(error);
    this.metrics?.relayFailures.inc();
    // First failure and then every 10th: a broker outage must not flood the log.
    if (failures === 1 || failures % 10 === 0) {
      this.logger.warn({ msg: 'outbox relay round failed; rows stay unsent and will be retried', failures, error: this.state.lastError });
    }
    await this.discardProducer();
    await sleep(backoffDelay(failures, this.options.backoff), this.abort.signal);
  }

  private async purgeIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurgeAt < this.options.purgeIntervalMs) return;
    this.lastPurgeAt = now;
    const purged = await this.store.purgeSent(this.dataSource, new Date(now - this.options.retentionMs));
    if (purged > 0) this.logger.debug({ msg: 'purged sent outbox rows', purged });
  }
}
