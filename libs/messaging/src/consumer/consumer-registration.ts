import type { CloudEvent, EventData } from '@legal/contracts';
import type { EntityManager } from 'typeorm';
import type { AnyEventDefinition } from '../event-definition.types';
import type { BackoffPolicy } from '../retry/backoff';

/** What a module hands to `MessageConsumers.register` (typically in its `onModuleInit`). */
export interface ConsumerRegistration<D extends AnyEventDefinition> {
  /** Unique within the service, e.g. `intake`; the Kafka group id is `[<prefix>.]<service>.<group>`. */
  group: string;
  /** Accepted event types; the subscribed topics are theirs. Other known types on those topics are skipped. */
  events: D[];
  /**
   * Optional: which valid events of those types this group wants. Asked after validation (and opening sealed
   * fields), before any transaction; a refused event is acknowledged and skipped like a type the group does not
   * list: no transaction, no inbox row, no handler call, never dead-lettered. Must be a cheap pure function of
   * the event (e.g. `(e) => e.data.platform === 'portal'`): a record's fate must not change on redelivery.
   */
  accepts?: (event: CloudEvent<EventData<D>>) => boolean;
  /** Runs inside the inbox transaction: write effects (and outbox events) through `manager` only. */
  handle: (event: CloudEvent<EventData<D>>, manager: EntityManager) => Promise<void>;
  /** Handler attempts before the record is dead-lettered (default 5). Infrastructure errors do not count. */
  maxAttempts?: number;
  /** Delay between handler attempts (default 100 ms doubling up to 3 s). */
  retryBackoff?: BackoffPolicy;
  /** Partitions processed in parallel by this group in one instance (default 3); order is kept within each. */
  partitionsConsumedConcurrently?: number;
  /**
   * Consecutive records of a partition handled in one transaction (default 50). A handler that locks a
   * row every record needs (a counter, say) should keep this small: the lock is held until the commit,
   * so a large transaction serializes the other partitions behind it and can deadlock with them.
   */
  recordsPerTransaction?: number;
}

export const DEFAULT_HANDLER_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 3000 };
export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Whether the group's `accepts` filter wants this (valid) event; without a filter, every event. A filter that
 * throws is a bug, not a verdict on the event: the event is kept, so the handler's retries and dead-lettering
 * decide instead of a silent skip.
 */
export function acceptedByFilter<D extends AnyEventDefinition>(
  registration: Pick<ConsumerRegistration<D>, 'accepts'>,
  event: CloudEvent<EventData<D>>,
): boolean {
  if (!registration.accepts) return true;
  try {
    return registration.accepts(event);
  } catch {
    return true;
  }
}
