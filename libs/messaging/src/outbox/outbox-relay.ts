import { CloudEvent, prefixedTopic } from '@legal/contracts';
import { Logger } from '@nestjs/common';
import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { encodeCloudEvent } from '../envelope/cloud-event.codec';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import { BackoffPolicy, backoffDelay, sleep, withTimeout } from '../retry/backoff';
import { describeError } from '@legal/observability';
import { WakeupSignal } from '../retry/wakeup-signal';
import { ClaimLimits, OutboxRow, OutboxStore, QuarantinedRow } from './outbox.store';
import {
  attributableRejections,
  groupByKey,
  OutboxRecordError,
  publishRejectionScope,
  Rejection,
} from './publish-rejection';

export interface OutboxRelayOptions extends ClaimLimits {
  /**
   * Safety poll when no wake-up arrives: a commit in this process (OutboxCommitWatcher) and the NOTIFY of the
   * outbox insert in any instance wake the relay at once, so this only bounds a lost notification. Slow on
   * purpose (an idle relay costs one query per interval); a key backing off is retried when its backoff ends.
   */
  pollIntervalMs: number;
  /** Backoff between failed rounds (Kafka or PostgreSQL down). */
  backoff: BackoffPolicy;
  /** Sent rows are kept this long for inspection, then purged. */
  retentionMs: number;
  purgeIntervalMs: number;
  /**
   * Rejections (the broker refused the row itself: too large, topic missing or not authorised) after
   * which a row is quarantined and its key held (OUTBOX_MAX_ATTEMPTS). Between attempts the key backs off
   * (`backoff`) while the other keys keep flowing. Infrastructure failures never count.
   */
  maxAttempts: number;
}

export const DEFAULT_RELAY_OPTIONS: OutboxRelayOptions = {
  scanWindow: 5000,
  maxKeys: 64,
  batchSize: 500,
  pollIntervalMs: 15000,
  backoff: { initialMs: 200, maxMs: 5000 },
  retentionMs: 60 * 60 * 1000,
  purgeIntervalMs: 60 * 1000,
  maxAttempts: 10,
};

export interface RelayStatus {
  running: boolean;
  published: number;
  consecutiveFailures: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
  /** Rows this instance quarantined since it started. */
  quarantined: number;
}

/** What a round that met a rejection did: rows published, rows rejected, and an infrastructure failure met on the way. */
interface IsolationOutcome {
  sent: OutboxRow[];
  rejections: Rejection<OutboxRow>[];
  infrastructureError?: unknown;
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

/** What an OutboxRelay works with: the service's database and outbox store, the broker and its topic prefix. */
export interface OutboxRelayParts {
  dataSource: DataSource;
  kafka: Kafka;
  topicPrefix: string;
  store: OutboxStore;
  /** Default: DEFAULT_RELAY_OPTIONS. */
  options?: OutboxRelayOptions;
  metrics?: MessagingMetrics;
  /** Whether NOTIFY wake-ups are arriving (the LISTEN connection is up); while not, the relay polls every second. */
  listening?: () => boolean;
}

/** The poll while no LISTEN connection is up (PostgreSQL restarting, the listener reconnecting). */
const UNLISTENED_POLL_MS = 1000;

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
  private readonly state: RelayStatus = {
    running: false,
    published: 0,
    consecutiveFailures: 0,
    lastSuccessAt: null,
    lastError: null,
    quarantined: 0,
  };
  /** Whether the last round claimed as much as its limits allow (`maxKeys` keys or `batchSize` rows). */
  private lastClaimFull = false;
  /** Keys whose head row was rejected: not claimed again before this time (ms since epoch). */
  private readonly keyBackoff = new Map<string, number>();

  private readonly dataSource: DataSource;
  private readonly kafka: Kafka;
  private readonly topicPrefix: string;
  private readonly store: OutboxStore;
  private readonly options: OutboxRelayOptions;
  private readonly metrics: MessagingMetrics | undefined;
  private readonly listening: () => boolean;

  constructor(parts: OutboxRelayParts) {
    this.dataSource = parts.dataSource;
    this.kafka = parts.kafka;
    this.topicPrefix = parts.topicPrefix;
    this.store = parts.store;
    this.options = parts.options ?? DEFAULT_RELAY_OPTIONS;
    this.metrics = parts.metrics;
    this.listening = parts.listening ?? ((): boolean => false);
  }

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
        await this.relayOnce();
        this.onSuccess();
        await this.purgeIfDue();
        // A round that took everything it could see needs no second look: a commit since then has woken the
        // signal (it latches), and the next round starts at once. Only a full claim may have left rows behind.
        if (this.lastClaimFull) continue;
        await this.signal.wait(this.idleWaitMs(), this.abort.signal);
      } catch (e) {
        await this.onFailure(e);
      }
    }
  }

  /**
   * One round; returns how many rows it published. Public so tests can drive the relay step by step.
   *
   * The claimed rows go out in one batch. When the broker rejects something in it (a record too large,
   * a topic missing or not authorised), the round does not roll back: it sends the claim again key by
   * key, and a key that still fails row by row, to find the rejected row. Rows before it are published,
   * the row gets one attempt counted (and is quarantined at `maxAttempts`), rows after it in its key wait,
   * and every other key is published. Any other failure rolls the round back as before.
   */
  async relayOnce(): Promise<number> {
    const queryRunner = this.dataSource.createQueryRunner();
    let rows: OutboxRow[] = [];
    this.lastClaimFull = false;
    try {
      await queryRunner.connect();
      await queryRunner.startTransaction();
      const keys = await this.store.lockKeys(queryRunner, this.options, this.backingOffKeys());
      if (keys.length > 0) rows = await this.store.claimRows(queryRunner, keys, this.options.batchSize);
      this.lastClaimFull = keys.length >= this.options.maxKeys || rows.length >= this.options.batchSize;
      if (rows.length === 0) {
        await queryRunner.commitTransaction();
        return 0;
      }
      let outcome: IsolationOutcome;
      try {
        await this.send(rows);
        outcome = { sent: rows, rejections: [] };
      } catch (e) {
        const scope = publishRejectionScope(e);
        if (scope === undefined) throw e;
        await this.discardProducer();
        // A claim of one row needs no second send to know which row it was.
        outcome =
          rows.length === 1
            ? { sent: [], rejections: [{ row: rows[0] as OutboxRow, scope, error: e }] }
            : await this.sendIsolated(rows);
      }
      const sentAt =
        outcome.sent.length > 0
          ? await this.store.markSent(
              queryRunner,
              outcome.sent.map((r) => r.id),
            )
          : new Date();
      const { counted, infrastructure } = attributableRejections(outcome.rejections, outcome.sent.length);
      const rejected: QuarantinedRow[] = [];
      for (const { row, error } of counted) {
        const message = describeError(error, 1000);
        rejected.push({
          row,
          error: message,
          attempts: await this.store.recordRejection(queryRunner, row.id, message),
        });
      }
      for (const entry of rejected)
        if (entry.attempts >= this.options.maxAttempts) await this.store.quarantine(queryRunner, entry);
      await queryRunner.commitTransaction();
      this.afterRejections(outcome.sent, rejected);
      this.state.published += outcome.sent.length;
      this.metrics?.observePublished(
        outcome.sent.map((r) => ({
          topic: r.topic,
          latencySeconds: Math.max(0, (sentAt.getTime() - r.createdAt.getTime()) / 1000),
        })),
      );
      const infrastructureError = outcome.infrastructureError ?? infrastructure[0]?.error;
      if (infrastructureError !== undefined) {
        const unsent = rows.filter((r) => !outcome.sent.includes(r) && !counted.some((c) => c.row === r));
        if (unsent.length > 0)
          await this.store
            .recordFailure(
              this.dataSource,
              unsent.map((r) => r.id),
              describeError(infrastructureError, 1000),
            )
            .catch(() => undefined);
        throw infrastructureError;
      }
      return outcome.sent.length;
    } catch (e) {
      if (queryRunner.isTransactionActive) {
        await queryRunner.rollbackTransaction().catch(() => undefined);
        if (rows.length > 0) {
          await this.store
            .recordFailure(
              this.dataSource,
              rows.map((r) => r.id),
              describeError(e, 1000),
            )
            .catch(() => undefined);
        }
      }
      throw e;
    } finally {
      await queryRunner.release().catch(() => undefined);
    }
  }

  /**
   * Sends the claim key by key (a key's rows in one request), and a key the broker rejects row by row
   * until its first rejected row; the rest of that key waits. Stops at the first failure that is not a
   * rejection (what was sent so far is reported, so it is marked sent).
   */
  private async sendIsolated(rows: OutboxRow[]): Promise<IsolationOutcome> {
    const outcome: IsolationOutcome = { sent: [], rejections: [] };
    for (const keyRows of groupByKey(rows)) {
      if (keyRows.length > 1) {
        try {
          await this.send(keyRows);
          outcome.sent.push(...keyRows);
          continue;
        } catch (e) {
          if (publishRejectionScope(e) === undefined) return { ...outcome, infrastructureError: e };
        }
      }
      for (const row of keyRows) {
        try {
          await this.send([row]);
          outcome.sent.push(row);
        } catch (e) {
          const scope = publishRejectionScope(e);
          if (scope === undefined) return { ...outcome, infrastructureError: e };
          outcome.rejections.push({ row, scope, error: e });
          break;
        }
      }
    }
    return outcome;
  }

  /** Until the next poll (±10 % jitter, so instances do not poll together) or the first key backoff ends. */
  private idleWaitMs(): number {
    const interval = this.listening()
      ? this.options.pollIntervalMs
      : Math.min(UNLISTENED_POLL_MS, this.options.pollIntervalMs);
    const poll = interval * (0.9 + Math.random() * 0.2);
    let until = Infinity;
    for (const end of this.keyBackoff.values()) until = Math.min(until, end);
    return Math.max(10, Math.min(poll, until - Date.now()));
  }

  /** Keys still backing off after a rejection (expired entries are dropped). */
  private backingOffKeys(): string[] {
    const now = Date.now();
    const keys: string[] = [];
    for (const [key, until] of this.keyBackoff) {
      if (until > now) keys.push(key);
      else this.keyBackoff.delete(key);
    }
    return keys;
  }

  private afterRejections(sent: OutboxRow[], rejected: QuarantinedRow[]): void {
    for (const row of sent) this.keyBackoff.delete(row.partitionKey);
    for (const { row, attempts, error } of rejected) {
      this.metrics?.publishRejections.inc({ topic: row.topic });
      if (attempts >= this.options.maxAttempts) {
        // Held by the quarantine table from now on (for every relay instance), not by this map.
        this.keyBackoff.delete(row.partitionKey);
        this.state.quarantined++;
        this.metrics?.quarantinedTotal.inc({ topic: row.topic });
        this.logger.error({
          msg: 'outbox row quarantined: the broker kept rejecting it; later events of its key are held until it is released or discarded (runbook: "Outbox quarantine")',
          outboxId: row.id,
          eventId: row.eventId,
          eventType: row.eventType,
          topic: row.topic,
          key: row.partitionKey,
          attempts,
          error,
        });
      } else {
        this.keyBackoff.set(row.partitionKey, Date.now() + backoffDelay(attempts, this.options.backoff));
        this.logger.warn({
          msg: 'outbox row rejected by the broker; its key waits and retries, other keys flow',
          outboxId: row.id,
          eventId: row.eventId,
          topic: row.topic,
          key: row.partitionKey,
          attempts,
          maxAttempts: this.options.maxAttempts,
          error,
        });
      }
    }
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const topic = prefixedTopic(this.topicPrefix, row.topic);
      let record;
      try {
        record = encodeCloudEvent(toCloudEvent(row));
      } catch (e) {
        throw new OutboxRecordError(`outbox row ${row.id} cannot be encoded: ${describeError(e)}`, { cause: e });
      }
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: record.key, value: record.value, headers: record.headers });
      byTopic.set(topic, messages);
    }
    const producer = await this.ensureProducer();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
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
    if (producer)
      await withTimeout(producer.disconnect(), 5000, 'producer disconnect timed out').catch(() => undefined);
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
      this.logger.warn({
        msg: 'outbox relay round failed; rows stay unsent and will be retried',
        failures,
        error: this.state.lastError,
      });
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
