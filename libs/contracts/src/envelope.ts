/**
 * CloudEvents 1.0 envelope. On Kafka we use the **binary content mode** of the CloudEvents Kafka
 * protocol binding: the record value is the JSON `data`, the record key is the partition key
 * (`subject`), and every other attribute travels as a `ce_`-prefixed header (plus `content-type`).
 */
export interface CloudEvent<T = unknown> {
  id: string;
  source: string;
  type: string;
  specversion: '1.0';
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  /** Extension attributes (lower-case per the spec): the request that started the chain, and the event that caused this one. */
  correlationid: string;
  causationid?: string;
  data: T;
}

export const CE_HEADERS = {
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  specversion: 'ce_specversion',
  time: 'ce_time',
  subject: 'ce_subject',
  correlationid: 'ce_correlationid',
  causationid: 'ce_causationid',
  contentType: 'content-type',
} as const;

/** Headers a dead-lettered record carries in addition to its original ones. */
export const DLQ_HEADERS = {
  reason: 'dlq_reason',
  error: 'dlq_error',
  sourceTopic: 'dlq_source_topic',
  sourcePartition: 'dlq_source_partition',
  sourceOffset: 'dlq_source_offset',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
  consumerGroup: 'dlq_consumer_group',
} as const;

/** `unsealable`: a sealed personal-data field this consumer cannot open (not a recipient, no key for its kid, tampered). */
export type DeadLetterReason =
  'invalid-envelope' | 'unknown-type' | 'schema-violation' | 'not-json' | 'unsealable' | 'handler-failed';
