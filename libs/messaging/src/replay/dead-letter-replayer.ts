import { DeadLetterReason, DLQ_HEADERS } from '@legal/contracts';
import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka, Message, Partitioners } from 'kafkajs';
import { headersToStrings } from '../envelope/cloud-event.codec';
import { stripDeadLetterHeaders } from '../consumer/dead-letter.publisher';
import { withTimeout } from '../retry/backoff';
import { beyondDedupeWindow, DedupeWindow, letterEventTime, REPLAY_TARGET_GROUP_HEADER } from './replay-target';

export interface ReplayOptions {
  kafka: Kafka;
  /** Physical dead-letter topic, e.g. `legal.intake.submitted.dlq` (with the deployment's prefix, if any). */
  topic: string;
  /** Only letters that failed at or after this time (dlq_failed_at). */
  since?: Date;
  /** Only letters that failed before this time. */
  until?: Date;
  /** Only letters of this physical consumer group (dlq_consumer_group). */
  consumerGroup?: string;
  /** Only letters with this reason, e.g. `handler-failed` after a handler bug was fixed. */
  reason?: DeadLetterReason;
  /** Count what would be replayed without producing anything. */
  dryRun?: boolean;
  /** Give up reading after this long (default 60 s). */
  timeoutMs?: number;
  /**
   * How long consumers remember applied event ids (INBOX_RETENTION_DAYS). A letter whose event is older
   * (see `beyondDedupeWindow`) is refused: consumers that applied it before would apply it again. Without
   * this, every letter is replayed to every group (the behaviour before the check; tests and tools only).
   */
  dedupeWindow?: DedupeWindow;
  /**
   * Replay letters beyond the dedupe window anyway, each to the one consumer group that dead-lettered it
   * (header `replay_target_group`): that group never applied it, every other group skips it. Letters
   * without a `dlq_consumer_group` stay refused.
   */
  targetExpiredToFailedGroup?: boolean;
  /** Now, for tests. */
  now?: Date;
}

/** Some selected letters are too old to replay safely; nothing was produced. */
export class ReplayRefusedError extends Error {
  constructor(
    readonly refused: RefusedLetter[],
    readonly count: number,
  ) {
    const oldest = refused.reduce<string | null>(
      (min, r) => (r.eventTime !== null && (min === null || r.eventTime < min) ? r.eventTime : min),
      null,
    );
    super(
      `refusing to replay: ${count} selected dead letter(s) are older than the inbox retention allows (oldest event ${oldest ?? 'of unknown time'}); ` +
        `consumers that applied them may have forgotten their ids and would apply them twice. Nothing was replayed. ` +
        `Narrow the selection (--since), or replay them only to the consumer group that dead-lettered them with --beyond-inbox-retention.`,
    );
    this.name = 'ReplayRefusedError';
  }
}

export interface RefusedLetter {
  partition: number;
  offset: string;
  eventId: string | null;
  eventTime: string | null;
  group: string | null;
}

export interface ReplayReport {
  topic: string;
  scanned: number;
  replayed: number;
  skipped: number;
  /** Replayed letters per target topic. */
  targets: Record<string, number>;
  /** Selected letters beyond the dedupe window (refused, or replayed to their own group only). */
  beyondRetention: number;
  /** Letters replayed with `replay_target_group` (only the group that dead-lettered them handles them). */
  targetedToFailedGroup: number;
}

interface Selected {
  target: string;
  message: Message;
}

const MAX_LISTED = 20;

function matches(headers: Record<string, string>, timestamp: string, options: ReplayOptions): boolean {
  const failedAt = Date.parse(headers[DLQ_HEADERS.failedAt] ?? '') || Number(timestamp);
  if (options.since && failedAt < options.since.getTime()) return false;
  if (options.until && failedAt >= options.until.getTime()) return false;
  if (options.consumerGroup && headers[DLQ_HEADERS.consumerGroup] !== options.consumerGroup) return false;
  if (options.reason && headers[DLQ_HEADERS.reason] !== options.reason) return false;
  return true;
}

/** The source topic a letter came from (its header, else the DLQ topic's name without `.dlq`). */
function sourceTopicOf(headers: Record<string, string>, dlqTopic: string): string {
  return headers[DLQ_HEADERS.sourceTopic] ?? dlqTopic.replace(/\.dlq$/, '');
}

/**
 * Re-publishes dead letters to their source topics: same key, same value, original headers without
 * the `dlq_*` ones. `ce_id` is kept, so a consumer that did process an event before ignores it again.
 * Reads the DLQ from the beginning up to its end as of the start (a throw-away consumer group,
 * deleted afterwards); letters are produced in their DLQ order per partition.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayReport> {
  if (!options.topic.endsWith('.dlq'))
    throw new Error(`${options.topic} is not a dead-letter topic (must end with .dlq)`);
  const { kafka } = options;
  const admin = kafka.admin();
  await admin.connect();
  const report: ReplayReport = {
    topic: options.topic,
    scanned: 0,
    replayed: 0,
    skipped: 0,
    targets: {},
    beyondRetention: 0,
    targetedToFailedGroup: 0,
  };
  const now = (options.now ?? new Date()).getTime();
  const refused: RefusedLetter[] = [];
  let refusedCount = 0;
  const groupId = `replay.${options.topic}.${randomUUID().slice(0, 8)}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 500 });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  try {
    const offsets = await admin.fetchTopicOffsets(options.topic);
    const ends = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    const remaining = new Set(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => o.partition));
    if (remaining.size === 0) return report;
    const selected: Selected[] = [];
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
    const done = new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachBatch: async ({ batch, resolveOffset }) => {
            const end = ends.get(batch.partition) ?? 0n;
            for (const message of batch.messages) {
              if (BigInt(message.offset) >= end) break;
              report.scanned++;
              const headers = headersToStrings(message.headers);
              if (matches(headers, message.timestamp, options)) {
                const original: IHeaders = stripDeadLetterHeaders(message.headers);
                const eventTime = options.dedupeWindow ? letterEventTime(headers, message.timestamp) : undefined;
                if (options.dedupeWindow && beyondDedupeWindow(eventTime, options.dedupeWindow, now)) {
                  report.beyondRetention++;
                  const group = headers[DLQ_HEADERS.consumerGroup];
                  if (options.targetExpiredToFailedGroup && group) {
                    original[REPLAY_TARGET_GROUP_HEADER] = group;
                    report.targetedToFailedGroup++;
                  } else {
                    refusedCount++;
                    if (refused.length < MAX_LISTED) {
                      refused.push({
                        partition: batch.partition,
                        offset: message.offset,
                        eventId: headers.ce_id ?? null,
                        eventTime: eventTime === undefined ? null : new Date(eventTime).toISOString(),
                        group: group ?? null,
                      });
                    }
                  }
                }
                selected.push({
                  target: sourceTopicOf(headers, options.topic),
                  message: { key: message.key, value: message.value, headers: original },
                });
              } else {
                report.skipped++;
              }
              resolveOffset(message.offset);
              if (BigInt(message.offset) + 1n >= end) remaining.delete(batch.partition);
            }
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
    await withTimeout(
      done,
      options.timeoutMs ?? 60000,
      `replay of ${options.topic} did not reach the end of the topic in time`,
    );
    // All or nothing: a partial replay would leave the operator to work out which letters went.
    if (refusedCount > 0 && !options.dryRun) throw new ReplayRefusedError(refused, refusedCount);
    if (!options.dryRun) {
      for (const { target, message } of selected) {
        await producer.send({ topic: target, acks: -1, messages: [message] });
        report.targets[target] = (report.targets[target] ?? 0) + 1;
        report.replayed++;
      }
    }
    return report;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
