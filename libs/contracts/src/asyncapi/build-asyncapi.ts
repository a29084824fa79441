import { CE_HEADERS } from '../envelope';
import type { EventDefinition } from '../event-definition';
import { ALL_EVENTS } from '../registry';
import { sealedFieldsOf, wireExampleOf, wireSchemaOf } from '../sealing';
import { PARTNER_FEED, TOPICS } from '../topics';

type Json = Record<string, unknown>;

function messageName(type: string): string {
  // legal.workorder.changed.v1 → WorkorderChangedV1
  const [, area, name, version] = type.split('.');
  const pascal = (s: string): string =>
    s
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('');
  return `${pascal(area)}${pascal(name)}${version.toUpperCase()}`;
}

const cloudEventHeaders: Json = {
  type: 'object',
  description: 'CloudEvents 1.0 attributes in Kafka binary content mode (ce_-prefixed record headers)',
  required: [
    CE_HEADERS.id,
    CE_HEADERS.source,
    CE_HEADERS.type,
    CE_HEADERS.specversion,
    CE_HEADERS.time,
    CE_HEADERS.subject,
    CE_HEADERS.contentType,
  ],
  properties: {
    [CE_HEADERS.id]: { type: 'string', description: 'Event id (UUID); consumers deduplicate on it' },
    [CE_HEADERS.source]: { type: 'string', description: 'Producing service, e.g. /legal/work-order' },
    [CE_HEADERS.type]: { type: 'string', description: 'Versioned event type' },
    [CE_HEADERS.specversion]: { type: 'string', const: '1.0' },
    [CE_HEADERS.time]: { type: 'string', format: 'date-time' },
    [CE_HEADERS.subject]: { type: 'string', description: 'Aggregate id; equals the record key' },
    [CE_HEADERS.correlationid]: { type: 'string', description: 'Id of the request that started the chain' },
    [CE_HEADERS.causationid]: { type: 'string', description: 'Id of the event that caused this one' },
    [CE_HEADERS.contentType]: { type: 'string', const: 'application/json' },
  },
};

function channelId(topicKey: string): string {
  return topicKey;
}

function messageFor(definition: EventDefinition): Json {
  const message: Json = {
    name: definition.type,
    title: definition.type,
    summary: definition.summary,
    contentType: 'application/json',
    headers: { $ref: '#/components/schemas/CloudEventHeaders' },
    payload: wireSchemaOf(definition),
    examples: [{ name: 'example', payload: wireExampleOf(definition) }],
    bindings: {
      kafka: { key: { type: 'string', description: 'Partition key: the record subject' }, bindingVersion: '0.5.0' },
    },
    'x-producers': definition.producers,
    'x-consumers': definition.consumers,
  };
  if (sealedFieldsOf(definition).length > 0) message['x-sealed'] = sealedFieldsOf(definition);
  if (definition.sealedForField) message['x-sealed-for-field'] = definition.sealedForField;
  if (definition.topic === PARTNER_FEED.name) {
    message.description =
      "Written by the identity service's partner gateway for each active partner whose agreement names the source topic: " +
      'the top-level fields the agreement names (only fields the source event lists as partner fields), plus occurredAt and sourceType. ' +
      'Hashes, phone digits and everything not agreed never appear. A changed agreement applies from the next event; a disabled or ' +
      'revoked partner receives nothing more and loses its read access to the topic.';
  } else if (definition.partnerFields) {
    message['x-partner-fields'] = definition.partnerFields;
    message.description = `Partner agencies do not read this topic: each receives, on its own feed (legal.partner.feed.{clientId}), only the fields its agreement names, from: ${definition.partnerFields.join(', ')}.`;
  } else {
    message.description = 'Internal to the system: not delivered to partner agencies.';
  }
  const sealed = sealedFieldsOf(definition);
  if (sealed.length > 0) {
    const readers = definition.sealedForField
      ? `the consumer named in ${definition.sealedForField} (every consumer if it names none; the others skip the record unopened)`
      : `each consumer (${definition.consumers.join(', ')})`;
    message.description = `${String(message.description)} Personal data (${sealed.join(', ')}) is sealed for ${readers}: see x-sealed and the field's x-sealed-schema.`;
  }
  return message;
}

/**
 * The AsyncAPI 3.0 document partners read, generated from libs/contracts so it cannot drift:
 * one channel per topic, one message per versioned event type, operations from the system's side.
 */
export function buildAsyncApiDocument(version = '1.0.0'): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  for (const [key, topic] of Object.entries(TOPICS)) {
    const events = ALL_EVENTS.filter((e) => e.topic === topic.name);
    const refs: Json = {};
    for (const event of events) {
      const name = messageName(event.type);
      messages[name] = messageFor(event);
      refs[name] = { $ref: `#/components/messages/${name}` };
    }
    channels[channelId(key)] = {
      address: topic.name,
      title: topic.name,
      description: `${topic.description}. Key: ${topic.key}. Dead letters: ${topic.name}.dlq.`,
      messages: refs,
      bindings: { kafka: { topic: topic.name, bindingVersion: '0.5.0' } },
    };
    const bySystem = events.some((e) => !e.producers.includes('partner-agencies'));
    operations[`${bySystem ? 'send' : 'receive'}${key.charAt(0).toUpperCase()}${key.slice(1)}`] = {
      action: bySystem ? 'send' : 'receive',
      channel: { $ref: `#/channels/${channelId(key)}` },
      summary: bySystem
        ? `The system publishes ${topic.name}`
        : `Partner agencies publish ${topic.name}; the system consumes it`,
      messages: Object.keys(refs).map((name) => ({ $ref: `#/channels/${channelId(key)}/messages/${name}` })),
    };
  }
  const feedEvents = ALL_EVENTS.filter((e) => e.topic === PARTNER_FEED.name);
  const feedRefs: Json = {};
  for (const event of feedEvents) {
    const name = messageName(event.type);
    messages[name] = messageFor(event);
    feedRefs[name] = { $ref: `#/components/messages/${name}` };
  }
  channels.partnerFeed = {
    address: PARTNER_FEED.name,
    title: PARTNER_FEED.name,
    description:
      `${PARTNER_FEED.description}. Key: ${PARTNER_FEED.key}. One topic per partner client, created when the client is registered; ` +
      "only that partner's broker principal may read it (ACLs granted when the client is created or enabled, removed when it is disabled). " +
      'Agreement enforcement: the identity service (owner of partner clients and their agreements) consumes the lifecycle topics and, for each ' +
      'active partner whose agreement names the topic (and, for a partner with a region, only work orders in that region), writes one item with ' +
      'exactly the agreed fields. A changed agreement applies from the next event on. No dead-letter twin.',
    parameters: { clientId: { description: 'The partner client id (as registered with the identity service)' } },
    messages: feedRefs,
    bindings: { kafka: { bindingVersion: '0.5.0' } },
  };
  operations.sendPartnerFeed = {
    action: 'send',
    channel: { $ref: '#/channels/partnerFeed' },
    summary: "The system publishes each partner's feed items on legal.partner.feed.{clientId}",
    messages: Object.keys(feedRefs).map((name) => ({ $ref: `#/channels/partnerFeed/messages/${name}` })),
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Shandong public legal services — events',
      version,
      description:
        'Events of the public legal services system (one request initiated, three platforms respond). CloudEvents 1.0 in Kafka binary content mode: the record value is the JSON payload, the key is the aggregate id (work order or intake), and the attributes are ce_-prefixed headers. Event types carry their version; a new version is a new type on the same topic. Generated from libs/contracts — do not edit by hand.',
    },
    defaultContentType: 'application/json',
    servers: {
      production: {
        host: 'kafka:9092',
        protocol: 'kafka',
        protocolVersion: '4.1',
        description: 'Provincial Kafka cluster (address given to each partner at onboarding)',
      },
    },
    channels,
    operations,
    components: { schemas: { CloudEventHeaders: cloudEventHeaders }, messages },
  };
}
