import { checkEventPayload, CloudEvent, EventData } from '@legal/contracts';
import { currentCorrelationId } from '@legal/observability';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentConsumedEventId } from '../consumer/consumption-context';
import type { AnyEventDefinition } from '../event-definition.types';
import { outboxChannel, schemaName } from '../messaging-persistence';
import { PreparedStatement } from '../prepared-statement';
import type { OutboxCommitWatcher } from './outbox-commit.watcher';
import { EventSealing } from '../sealing/event-sealing';

export interface PublishOptions {
  /** The aggregate id: CloudEvents subject, Kafka key and so the partition key (ordering is per subject). */
  subject: string;
  /** Defaults to the id of the event being consumed, when called from a consumer's handler. */
  causationId?: string;
  /** Defaults to the current request's or consumed event's correlation id, else a new one. */
  correlationId?: string;
  /** Event id; a new UUID unless the caller needs a deterministic one. */
  id?: string;
  /**
   * The concrete (unprefixed) topic, for definitions on a per-recipient channel such as
   * `legal.partner.feed.{clientId}`: required there, refused otherwise, and must fit the template.
   */
  topic?: string;
}

/** The concrete topic of an event: the definition's, or for a `{param}` channel template the caller's instance of it. */
function concreteTopic(definitionTopic: string, requested: string | undefined): { topic?: string; problem?: string } {
  if (!definitionTopic.includes('{')) {
    return requested === undefined || requested === definitionTopic
      ? { topic: definitionTopic }
      : { problem: `topic ${requested} given for an event on ${definitionTopic}` };
  }
  const pattern = new RegExp(
    `^${definitionTopic
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[A-Za-z0-9._-]+')}$`,
  );
  if (requested === undefined) return { problem: `events on ${definitionTopic} need a concrete topic` };
  return pattern.test(requested) && requested.length <= 249
    ? { topic: requested }
    : { problem: `topic ${requested} does not fit ${definitionTopic}` };
}

/** A bug, not bad input: the code tried to publish an event its own contract rejects. */
export class OutboxPayloadError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`refusing to publish ${eventType}: ${problems.join('; ')}`);
    this.name = 'OutboxPayloadError';
  }
}

const MAX_ATTRIBUTE = 200;

/**
 * Writes events to the transactional outbox through the caller's EntityManager, so the event
 * commits (or rolls back) with the state change it announces. The relay publishes it afterwards.
 */
export class Outbox {
  private readonly inserts = new Map<string, PreparedStatement<unknown>>();

  constructor(
    private readonly serviceName: string,
    private readonly commits: OutboxCommitWatcher,
    /** Seals the personal-data fields a definition declares; required for such events. */
    private readonly sealing?: EventSealing,
    /** The NOTIFY payload: tells this process's relay that the commit watcher has already woken it. */
    private readonly notifyToken = '',
  ) {}

  /** The outbox insert of `schema` (prepared once per connection). */
  private insertStatement(schema: string): PreparedStatement<unknown> {
    let statement = this.inserts.get(schema);
    if (!statement) {
      statement = new PreparedStatement(
        `WITH inserted AS (
           INSERT INTO "${schema}"."outbox_message"
             (event_id, topic, partition_key, event_type, source, event_time, correlation_id, causation_id, payload)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) RETURNING id)
         SELECT pg_notify($10, $11) FROM inserted`,
      );
      this.inserts.set(schema, statement);
    }
    return statement;
  }

  async publish<D extends AnyEventDefinition>(
    manager: EntityManager,
    definition: D,
    data: EventData<D>,
    options: PublishOptions,
  ): Promise<CloudEvent<EventData<D>>> {
    const check = checkEventPayload(definition.type, data);
    if (!check.ok) throw new OutboxPayloadError(definition.type, check.errors);
    if (check.definition.topic !== definition.topic) {
      throw new OutboxPayloadError(definition.type, [
        `definition names topic ${definition.topic}, the registry ${check.definition.topic}`,
      ]);
    }
    const target = concreteTopic(definition.topic, options.topic);
    if (!target.topic) throw new OutboxPayloadError(definition.type, [target.problem ?? 'no topic']);
    const event: CloudEvent<EventData<D>> = {
      id: options.id ?? randomUUID(),
      source: `/legal/${this.serviceName}`,
      type: definition.type,
      specversion: '1.0',
      time: new Date().toISOString(),
      subject: options.subject,
      datacontenttype: 'application/json',
      correlationid: options.correlationId ?? currentCorrelationId() ?? randomUUID(),
      data,
    };
    const causationId = options.causationId ?? currentConsumedEventId();
    if (causationId) event.causationid = causationId;
    const problems = (['id', 'subject', 'correlationid', 'causationid'] as const)
      .filter(
        (name) =>
          event[name] !== undefined &&
          (typeof event[name] !== 'string' || event[name] === '' || event[name].length > MAX_ATTRIBUTE),
      )
      .map((name) => `${name} must be a non-empty string of at most ${MAX_ATTRIBUTE} characters`);
    if (problems.length > 0) throw new OutboxPayloadError(definition.type, problems);

    // Validated in clear above; personal-data fields are sealed for the consumers before the row exists.
    let wire: unknown = data;
    if (EventSealing.hasSealedFields(definition)) {
      if (!this.sealing)
        throw new OutboxPayloadError(definition.type, ['has sealed personal-data fields but no sealer is configured']);
      try {
        wire = await this.sealing.seal(definition, data);
      } catch (e) {
        throw new OutboxPayloadError(definition.type, [`cannot seal personal data: ${(e as Error).message}`]);
      }
    }

    const schema = schemaName(manager.connection.options);
    // One round trip: the row, and a NOTIFY that Postgres delivers when (and only if) the transaction commits
    // (once per transaction: Postgres folds identical notifications of one transaction into one).
    await this.insertStatement(schema).runWith(manager, [
      event.id,
      target.topic,
      event.subject,
      event.type,
      event.source,
      event.time,
      event.correlationid,
      event.causationid ?? null,
      JSON.stringify(wire),
      outboxChannel(schema),
      this.notifyToken,
    ]);
    this.commits.track(manager);
    return event;
  }
}
