import type { IHeaders } from 'kafkajs';

/** A Kafka record as the consumer received it (topic is the physical, prefixed name). */
export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
  timestamp: string;
}
