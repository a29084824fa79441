/**
 * Which publish failures are the message's fault. The relay retries everything else (broker down,
 * leader moving, timeouts) without limit and without counting it against the row; only a rejection
 * counts towards OUTBOX_MAX_ATTEMPTS and can quarantine the row.
 */

/** The broker refused this record itself: retrying the same bytes can never succeed. */
const RECORD_REJECTIONS = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD']);

/**
 * The broker refused the record's topic (missing, not authorised, invalid name). A message problem only
 * when other records of the same round went through; when nothing did, it may be the whole deployment
 * (ACLs not provisioned yet, topics not created yet) and is treated as infrastructure.
 */
const TOPIC_REJECTIONS = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'TOPIC_AUTHORIZATION_FAILED',
  'INVALID_TOPIC_EXCEPTION',
]);

export type RejectionScope = 'record' | 'topic';

/** A row the relay could not even encode: a record-level rejection raised before any broker saw it. */
export class OutboxRecordError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutboxRecordError';
  }
}

/** The error and its causes (kafkajs wraps the broker's answer in KafkaJSNumberOfRetriesExceeded.cause). */
function* causeChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current) && seen.size < 10) {
    seen.add(current);
    yield current;
    const e = current as { cause?: unknown; originalError?: unknown };
    current = e.cause ?? e.originalError;
  }
}

/** `record` or `topic` when the failure is a rejection of the message (see above), else undefined. */
export function publishRejectionScope(error: unknown): RejectionScope | undefined {
  for (const e of causeChain(error)) {
    if (e instanceof OutboxRecordError) return 'record';
    const type = (e as { type?: unknown }).type;
    if (typeof type !== 'string') continue;
    if (RECORD_REJECTIONS.has(type)) return 'record';
    if (TOPIC_REJECTIONS.has(type)) return 'topic';
  }
  return undefined;
}

export interface Rejection<R> {
  row: R;
  scope: RejectionScope;
  error: unknown;
}

/**
 * Which rejections of an isolation pass count against their rows. Record-level ones always do;
 * topic-level ones only if something else in the same pass was accepted (so the broker, the
 * credentials and the ACLs work in general). The rest is reported as an infrastructure failure.
 */
export function attributableRejections<R>(
  rejections: Rejection<R>[],
  acceptedInPass: number,
): { counted: Rejection<R>[]; infrastructure: Rejection<R>[] } {
  if (acceptedInPass > 0) return { counted: rejections, infrastructure: [] };
  return {
    counted: rejections.filter((r) => r.scope === 'record'),
    infrastructure: rejections.filter((r) => r.scope === 'topic'),
  };
}

/** Rows of a claim grouped by key, each group in claim (id) order, groups in order of their first row. */
export function groupByKey<R extends { partitionKey: string }>(rows: R[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.partitionKey);
    if (group) group.push(row);
    else groups.set(row.partitionKey, [row]);
  }
  return [...groups.values()];
}
