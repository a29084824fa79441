import {
  ALL_EVENTS,
  deadLetterTopic,
  PARTNER_FEED,
  partnerFeedTopic,
  prefixedTopic,
  REGISTERED_SERVICE_NAMES,
} from '@legal/contracts';
import type { EventDefinition, RegisteredServiceName, ServiceName } from '@legal/contracts';

/**
 * Who may do what on the broker, derived from the event contracts (each event's `topic`, `producers`,
 * `consumers`) and nothing else. Pure: the provisioning command applies the result, the tests read it.
 *
 * A service principal gets exactly:
 * - WRITE + DESCRIBE on each topic it produces (LITERAL);
 * - READ + DESCRIBE on each topic it consumes, WRITE + DESCRIBE on that topic's `.dlq` (its dead letters);
 * - READ on consumer groups PREFIXED `<prefix.><service>.` (group ids are `[<prefix>.]<service>.<group>`);
 * - READ on its per-instance groups PREFIXED `<prefix.>instance.<service>.` (see `instanceGroupPrefix`);
 * - CREATE only where it must create topics at run time: the per-partner feeds of the partner gateway
 *   (identity), PREFIXED `legal.partner.feed.`. Every other topic is created by the provisioning step.
 * A partner principal `partner-<clientId>` may READ its own feed topic only (and its own groups), and WRITE
 * the topics the contracts let partner agencies produce (`legal.partner.notice`).
 * Nothing on the cluster resource: no service can change ACLs, users or broker configs.
 */

export type AclResource = 'topic' | 'group' | 'cluster';
export type AclPattern = 'literal' | 'prefixed';
export type AclOperation = 'read' | 'write' | 'create' | 'describe' | 'alter';

export interface AclBinding {
  /** `User:<name>` */
  principal: string;
  resource: AclResource;
  pattern: AclPattern;
  /** Topic or group name (or prefix); `kafka-cluster` for the cluster. */
  name: string;
  operation: AclOperation;
}

/** Every service connects to Kafka, one principal each (username = service name): the service registry's list. */
export const KAFKA_SERVICE_PRINCIPALS: readonly RegisteredServiceName[] = REGISTERED_SERVICE_NAMES;
export type KafkaServicePrincipal = RegisteredServiceName;

/** The broker's own principal (inter-broker and controller traffic) and the operators' one: the only super users. */
export const KAFKA_BROKER_PRINCIPAL = 'broker';
export const KAFKA_ADMIN_PRINCIPAL = 'admin';

const PARTNERS: ServiceName = 'partner-agencies';
const CLIENT_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,150}$/;

export function userPrincipal(name: string): string {
  return `User:${name}`;
}

/** The SCRAM username of a partner client's principal. */
export function partnerPrincipalName(clientId: string): string {
  assertClientId(clientId);
  return `partner-${clientId}`;
}

function assertClientId(clientId: string): void {
  if (!CLIENT_ID.test(clientId))
    throw new Error(`partner client id "${clientId}" cannot name a Kafka topic (letters, digits, . _ -)`);
}

/**
 * The service a username stands for: `portal`, or a rotation twin such as `portal.v2` (same rights, so a
 * credential can be rotated by switching principals). Undefined for anything else (admin, partners, ...).
 */
export function serviceOfPrincipal(username: string): KafkaServicePrincipal | undefined {
  const base = username.split('.')[0];
  return (KAFKA_SERVICE_PRINCIPALS as readonly string[]).includes(base) && /^[a-z-]+(\.[a-z0-9-]+)?$/.test(username)
    ? (base as KafkaServicePrincipal)
    : undefined;
}

/** The logical topics (contracts' names) a service writes and reads. */
export interface ServiceTopics {
  produces: string[];
  consumes: string[];
  /** Channel templates it produces (the partner feeds), by topic prefix. */
  producesPrefixes: string[];
}

export function serviceTopics(service: ServiceName, events: readonly EventDefinition[] = ALL_EVENTS): ServiceTopics {
  const produces = new Set<string>();
  const consumes = new Set<string>();
  const producesPrefixes = new Set<string>();
  for (const event of events) {
    const template = event.topic === PARTNER_FEED.name;
    if (event.producers.includes(service)) {
      if (template) producesPrefixes.add(PARTNER_FEED.prefix);
      else produces.add(event.topic);
    }
    if (event.consumers.includes(service) && !template) consumes.add(event.topic);
  }
  return {
    produces: [...produces].sort(),
    consumes: [...consumes].sort(),
    producesPrefixes: [...producesPrefixes].sort(),
  };
}

/**
 * The physical topics a service must find at start-up (its topic provisioner's list): what it produces and
 * consumes, and the dead-letter twins of what it consumes. Logical names; the provisioner applies the prefix.
 */
export function topicsNeededBy(service: string): { topics: string[]; deadLetters: string[] } | undefined {
  if (!(KAFKA_SERVICE_PRINCIPALS as readonly string[]).includes(service)) return undefined;
  const t = serviceTopics(service as ServiceName);
  return { topics: [...new Set([...t.produces, ...t.consumes])].sort(), deadLetters: t.consumes.map(deadLetterTopic) };
}

/**
 * The prefix of a service's per-instance consumer groups, `instance.<service>.` (a group per process that
 * reads a topic whole and never shares it, e.g. service-kit's calendar follower:
 * `instance.<service>.calendar-follower.<uuid>`). Outside the service's shared prefix `<service>.`, so what
 * counts a service's groups (readiness, `waitForGroupMembers`, scale-out checks) sees only the shared ones.
 */
export function instanceGroupPrefix(service: string): string {
  return `instance.${service}.`;
}

function bind(
  principal: string,
  resource: AclResource,
  pattern: AclPattern,
  name: string,
  ...operations: AclOperation[]
): AclBinding[] {
  return operations.map((operation) => ({ principal, resource, pattern, name, operation }));
}

/**
 * The ACL bindings of one service principal for a deployment's topic prefix (`''` in production).
 * `username` defaults to the service name; a rotation twin (`portal.v2`) gets the same bindings.
 */
export function serviceAcls(service: KafkaServicePrincipal, prefix = '', username: string = service): AclBinding[] {
  const principal = userPrincipal(username);
  const physical = (topic: string): string => prefixedTopic(prefix, topic);
  const t = serviceTopics(service as ServiceName);
  const out: AclBinding[] = [];
  for (const topic of t.produces)
    out.push(...bind(principal, 'topic', 'literal', physical(topic), 'write', 'describe'));
  for (const topic of t.consumes) {
    out.push(...bind(principal, 'topic', 'literal', physical(topic), 'read', 'describe'));
    out.push(...bind(principal, 'topic', 'literal', physical(deadLetterTopic(topic)), 'write', 'describe'));
  }
  for (const topicPrefix of t.producesPrefixes)
    out.push(...bind(principal, 'topic', 'prefixed', physical(topicPrefix), 'write', 'create', 'describe'));
  if (t.consumes.length > 0) {
    out.push(...bind(principal, 'group', 'prefixed', physical(`${service}.`), 'read'));
    out.push(...bind(principal, 'group', 'prefixed', physical(instanceGroupPrefix(service)), 'read'));
  }
  return dedupe(out);
}

/**
 * A partner client's bindings: READ + DESCRIBE on its own feed topic only, READ on its own consumer groups
 * (`[<prefix>.]partner-<clientId>.<anything>`), WRITE + DESCRIBE on the topics the contracts let partner
 * agencies produce (notices from courts, procuratorates and police).
 */
export function partnerAcls(
  clientId: string,
  prefix = '',
  events: readonly EventDefinition[] = ALL_EVENTS,
): AclBinding[] {
  const name = partnerPrincipalName(clientId);
  const principal = userPrincipal(name);
  const out: AclBinding[] = [];
  out.push(
    ...bind(principal, 'topic', 'literal', prefixedTopic(prefix, partnerFeedTopic(clientId)), 'read', 'describe'),
  );
  out.push(...bind(principal, 'group', 'prefixed', prefixedTopic(prefix, `${name}.`), 'read'));
  for (const topic of serviceTopics(PARTNERS, events).produces)
    out.push(...bind(principal, 'topic', 'literal', prefixedTopic(prefix, topic), 'write', 'describe'));
  return dedupe(out);
}

/** Every service principal's bindings (plus rotation twins that exist), for the provisioning step. */
export function allServiceAcls(prefix = '', usernames: readonly string[] = KAFKA_SERVICE_PRINCIPALS): AclBinding[] {
  return dedupe(
    usernames.flatMap((username) => {
      const service = serviceOfPrincipal(username);
      return service ? serviceAcls(service, prefix, username) : [];
    }),
  );
}

export function aclKey(b: AclBinding): string {
  return `${b.principal}|${b.resource}|${b.pattern}|${b.name}|${b.operation}`;
}

function dedupe(bindings: AclBinding[]): AclBinding[] {
  const seen = new Map<string, AclBinding>();
  for (const b of bindings) seen.set(aclKey(b), b);
  return [...seen.values()];
}
