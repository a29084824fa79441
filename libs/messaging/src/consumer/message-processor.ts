import { checkEventPayload, CloudEvent, DeadLetterReason, type EventDefinition } from '@legal/contracts';
import { SealError } from '@legal/privacy';
import { describeError, isTransientInfrastructureError, runWithCorrelationId } from '@legal/observability';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AnyEventDefinition } from '../event-definition.types';
import { InboxOutcome, InboxWork, InboxWorkError, runInInboxTransaction } from '../inbox/inbox-transaction';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import { BackoffPolicy, backoffDelay, sleep } from '../retry/backoff';
import type { ConsumedRecord } from './consumed-record';
import {
  acceptedByFilter,
  ConsumerRegistration,
  DEFAULT_HANDLER_BACKOFF,
  DEFAULT_MAX_ATTEMPTS,
} from './consumer-registration';
import { runWithConsumedEvent } from './consumption-context';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { classifyRecord } from './record-classifier';
import { isSealedFor } from './sealed-addressing';
import { EventSealing } from '../sealing/event-sealing';

export type ProcessOutcome = InboxOutcome | 'skipped' | 'dead-lettered';
export type ProcessSummary = Record<ProcessOutcome, number>;

export interface ProcessContext {
  /** Keeps the group membership alive during long retries. */
  heartbeat: () => Promise<void>;
  /** Aborted on shutdown: retries stop and the records are left uncommitted. */
  stopping: AbortSignal;
}

/** Thrown when shutdown interrupts a record: it was not processed and its offset must not be committed. */
export class ConsumerStoppingError extends Error {
  constructor() {
    super('consumer is stopping');
    this.name = 'ConsumerStoppingError';
  }
}

interface HandleItem {
  record: ConsumedRecord;
  event: CloudEvent;
}

/** What a MessageProcessor works with (one consumer group of one service). */
export interface MessageProcessorParts {
  registration: ConsumerRegistration<AnyEventDefinition>;
  /** The Kafka group id (prefixed). */
  groupId: string;
  /** The consuming service: sealed fields addressed to other services only are skipped unopened. */
  serviceName: string;
  dataSource: DataSource;
  deadLetters: DeadLetterPublisher;
  metrics?: MessagingMetrics;
  /** Opens sealed fields; without it, an event sealed for this service is dead-lettered as unsealable. */
  sealing?: EventSealing;
}

/** Infrastructure errors are retried without limit, but never faster than this. */
const TRANSIENT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 5000 };
const HEARTBEAT_EVERY_MS = 2000;

/**
 * Everything that happens to the records of one partition chunk, in order: invalid ones go to the DLQ
 * at once, types this group does not handle and events its `accepts` filter refuses are skipped
 * (no transaction), valid ones run through the handler inside the inbox transaction. Consecutive valid records share one transaction (one commit, one fsync);
 * if that fails, each is redone in its own transaction with bounded retries and, when they are
 * exhausted, dead-lettered. Returns only when every record may be acknowledged.
 */
export class MessageProcessor {
  private readonly logger = new Logger(MessageProcessor.name);
  private readonly accepted: Set<string>;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly registration: ConsumerRegistration<AnyEventDefinition>;
  private readonly groupId: string;
  private readonly serviceName: string;
  private readonly dataSource: DataSource;
  private readonly deadLetters: DeadLetterPublisher;
  private readonly metrics: MessagingMetrics | undefined;
  private readonly sealing: EventSealing | undefined;

  constructor(parts: MessageProcessorParts) {
    const { registration } = parts;
    this.registration = registration;
    this.groupId = parts.groupId;
    this.serviceName = parts.sealing?.service ?? parts.serviceName;
    this.dataSource = parts.dataSource;
    this.deadLetters = parts.deadLetters;
    this.metrics = parts.metrics;
    this.sealing = parts.sealing;
    this.accepted = new Set(registration.events.map((e) => e.type));
    this.maxAttempts = Math.max(1, registration.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.backoff = registration.retryBackoff ?? DEFAULT_HANDLER_BACKOFF;
  }

  async processMany(records: ConsumedRecord[], context: ProcessContext): Promise<ProcessSummary> {
    const summary: ProcessSummary = { handled: 0, duplicate: 0, skipped: 0, 'dead-lettered': 0 };
    let pending: HandleItem[] = [];
    const flush = async (): Promise<void> => {
      if (pending.length > 0) await this.handleGroup(pending, context, summary);
      pending = [];
    };
    for (const record of records) {
      const classified = classifyRecord(record, this.accepted);
      switch (classified.kind) {
        case 'handle': {
          const opened = await this.open(classified.event, classified.definition);
          if (opened.ok === 'skip') {
            summary.skipped++;
          } else if (opened.ok && !acceptedByFilter(this.registration, opened.event)) {
            // Refused by the group's filter: acknowledged like an unlisted type, with no transaction at all.
            summary.skipped++;
          } else if (opened.ok) {
            pending.push({ record, event: opened.event });
          } else {
            await flush();
            summary[await this.reject(record, opened.reason, opened.error, context)]++;
          }
          break;
        }
        case 'skip':
          summary.skipped++;
          break;
        case 'reject':
          await flush();
          summary[await this.reject(record, classified.reason, classified.error, context)]++;
          break;
      }
    }
    await flush();
    return summary;
  }

  /**
   * Opens the sealed personal-data fields (the record keeps its sealed bytes, so a dead letter does
   * too), then checks the plain payload against the contract: the handler sees the plain type.
   */
  private async open(
    event: CloudEvent,
    definition: EventDefinition,
  ): Promise<
    { ok: true; event: CloudEvent } | { ok: 'skip' } | { ok: false; reason: DeadLetterReason; error: string }
  > {
    if (!EventSealing.hasSealedFields(definition)) return { ok: true, event };
    // Addressed to other consumers only (e.g. a dispatch to another handler): not ours to open or handle.
    // Decided from the definition and the recipients' kids, so before (and without) any key.
    if (!isSealedFor(definition, event.data, this.serviceName)) return { ok: 'skip' };
    if (!this.sealing)
      return { ok: false, reason: 'unsealable', error: 'sealed personal data but this service has no transit keys' };
    let data: unknown;
    try {
      data = await this.sealing.open(definition, event.data);
    } catch (e) {
      if (e instanceof SealError) return { ok: false, reason: 'unsealable', error: `${e.reason}: ${e.message}` };
      throw e;
    }
    const check = checkEventPayload(event.type, data);
    if (!check.ok) return { ok: false, reason: check.reason, error: check.errors.join('; ') };
    return { ok: true, event: { ...event, data } };
  }

  private async handleGroup(items: HandleItem[], context: ProcessContext, summary: ProcessSummary): Promise<void> {
    let failed: { index: number; error: unknown } | undefined;
    if (items.length > 1) {
      if (context.stopping.aborted) throw new ConsumerStoppingError();
      const started = this.clock();
      try {
        const outcomes = await runInInboxTransaction(
          this.dataSource,
          items.map((item) => this.work(item)),
        );
        outcomes.forEach((outcome, i) => {
          summary[outcome]++;
          this.observe(items[i]?.event.type ?? 'unknown', outcome, started, items.length);
        });
        return;
      } catch (e) {
        // The handler that threw has had its first attempt; everything is redone record by record.
        if (e instanceof InboxWorkError && !isTransientInfrastructureError(e.cause))
          failed = { index: e.index, error: e.cause };
        this.logger.debug({
          msg: 'shared transaction failed; handling the records one by one',
          group: this.groupId,
          records: items.length,
          error: describeError(e),
        });
      }
    }
    for (const [index, item] of items.entries()) {
      summary[await this.handleOne(item, context, failed?.index === index ? failed.error : undefined)]++;
    }
  }

  /** One record in its own transaction; `firstError` is an attempt that already failed (in a shared transaction). */
  private async handleOne(
    { record, event }: HandleItem,
    context: ProcessContext,
    firstError?: unknown,
  ): Promise<ProcessOutcome> {
    let failures = 0;
    let transientFailures = 0;
    let error = firstError;
    for (;;) {
      if (error !== undefined) {
        if (isTransientInfrastructureError(error)) {
          transientFailures++;
          if (transientFailures === 1 || transientFailures % 10 === 0) {
            this.logger.warn({
              msg: 'infrastructure error while handling; retrying',
              group: this.groupId,
              eventId: event.id,
              attempts: transientFailures,
              error: describeError(error),
            });
          }
          await this.pause(backoffDelay(transientFailures, TRANSIENT_BACKOFF), context);
        } else {
          failures++;
          if (failures >= this.maxAttempts)
            return this.reject(record, 'handler-failed', describeError(error), context, failures);
          this.logger.warn({
            msg: 'handler failed; retrying',
            group: this.groupId,
            eventId: event.id,
            type: event.type,
            attempt: failures,
            error: describeError(error),
          });
          await this.pause(backoffDelay(failures, this.backoff), context);
        }
      }
      if (context.stopping.aborted) throw new ConsumerStoppingError();
      const started = this.clock();
      try {
        const [outcome = 'handled'] = await runInInboxTransaction(this.dataSource, [this.work({ record, event })]);
        this.observe(event.type, outcome, started);
        return outcome;
      } catch (e) {
        error = e instanceof InboxWorkError ? e.cause : e;
        this.observe(event.type, isTransientInfrastructureError(error) ? 'retry-transient' : 'error', started);
      }
    }
  }

  private work({ record, event }: HandleItem): InboxWork {
    return {
      entry: {
        group: this.registration.group,
        eventId: event.id,
        eventType: event.type,
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
      },
      run: (manager) =>
        runWithCorrelationId(event.correlationid, () =>
          runWithConsumedEvent(event.id, () => this.registration.handle(event, manager)),
        ),
    };
  }

  /** Dead-letters the record; keeps trying while the broker refuses (the record's offset waits). */
  private async reject(
    record: ConsumedRecord,
    reason: DeadLetterReason,
    error: string,
    context: ProcessContext,
    attempts = 1,
  ): Promise<'dead-lettered'> {
    for (let failures = 0; ;) {
      if (context.stopping.aborted) throw new ConsumerStoppingError();
      try {
        await this.deadLetters.publish({ record, reason, error, attempts, group: this.groupId });
        return 'dead-lettered';
      } catch (e) {
        failures++;
        this.logger.warn({
          msg: 'cannot dead-letter yet; retrying',
          topic: record.topic,
          offset: record.offset,
          failures,
          error: describeError(e),
        });
        await this.pause(backoffDelay(failures, TRANSIENT_BACKOFF), context);
      }
    }
  }

  /** Sleeps in slices, heartbeating in between, and returns early on shutdown. */
  private async pause(ms: number, context: ProcessContext): Promise<void> {
    const until = Date.now() + ms;
    for (let left = ms; left > 0 && !context.stopping.aborted; left = until - Date.now()) {
      await sleep(Math.min(left, HEARTBEAT_EVERY_MS), context.stopping);
      await context.heartbeat().catch(() => undefined);
    }
  }

  /** The start of a timed transaction; 0n (no clock read) when there are no metrics to observe it. */
  private clock(): bigint {
    return this.metrics ? process.hrtime.bigint() : 0n;
  }

  private observe(type: string, outcome: string, started: bigint, sharedBy = 1): void {
    if (!this.metrics) return;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9 / sharedBy;
    this.metrics.handlerDuration.observe({ group: this.groupId, type, outcome }, seconds);
  }
}
