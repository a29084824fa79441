import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { RegisteredServiceName } from './registry/service-registry';
import type { PartnerFeedChannel, TopicName } from './topics';

/** A producer or consumer of events: a registered service, or the partner agencies (outside the system). */
export type ServiceName = RegisteredServiceName | 'partner-agencies';

/**
 * One event type: its versioned name, topic, JSON Schema (the single source of truth for both
 * validation and the TypeScript type), an example, who produces and consumes it, and which
 * payload fields partner agencies may receive.
 */
export interface EventDefinition<S extends TObject = TObject> {
  type: string;
  /** The topic; a per-partner channel template for the partner feed (publishers name the concrete topic). */
  topic: TopicName | PartnerFeedChannel;
  summary: string;
  schema: S;
  example: Static<S>;
  producers: ServiceName[];
  consumers: ServiceName[];
  /**
   * Top-level payload fields holding personal data (ID-card and phone numbers, addresses, names):
   * the outbox seals each for the definition's `consumers` before the row is written, the consumer
   * pipeline opens them before validation and the handler (see `wireSchemaOf`, @legal/messaging).
   */
  sealed?: (keyof Static<S> & string)[];
  /**
   * A clear (not sealed) field naming the one consumer a given event is for, e.g. `handler` of a
   * dispatch: its sealed fields are then readable by that consumer only (other consumers skip the
   * record unopened). When the value names no consumer, every consumer is a recipient.
   */
  sealedForField?: keyof Static<S> & string;
  /** Top-level payload fields a partner agency's agreement may name; absent = not for partners. */
  partnerFields?: (keyof Static<S> & string)[];
}

/**
 * The payload type of an event definition: `EventData<typeof WorkOrderChanged>`. Structural (it reads `schema`
 * only), so it takes every concrete definition. The one name for it: test/foundation/event-data-name.spec.ts
 * fails on an alias or a `Static<>` of a definition's schema.
 */
export type EventData<D extends { schema: TSchema }> = Static<D['schema']>;

export function defineEvent<S extends TObject>(definition: EventDefinition<S>): EventDefinition<S> {
  if (!/^legal\.[a-z-]+\.[a-z-]+\.v\d+$/.test(definition.type)) {
    throw new Error(`event type ${definition.type} must look like legal.<area>.<name>.v<N>`);
  }
  return definition;
}
