/**
 * Every topic the system uses, in one place: its partition key and who writes and reads it.
 * The key keeps all events of one work order (or one intake, before a work order exists) on one
 * partition, so their order is preserved. Each topic has a `<topic>.dlq` dead-letter twin.
 */
export const TOPICS = {
  intakeSubmitted: {
    name: 'legal.intake.submitted',
    key: 'intakeId',
    description: 'Requests submitted on the hotline, the portal or at a centre',
  },
  intakeOutcome: {
    name: 'legal.intake.outcome',
    key: 'intakeId',
    description: 'What the work-order service made of an intake: new case code, linked duplicate, or rejected',
  },
  workOrderDispatch: {
    name: 'legal.workorder.dispatch',
    key: 'workOrderId',
    description: 'Offers of work orders to handler services and withdrawals of offers',
  },
  handlerReport: {
    name: 'legal.handler.report',
    key: 'workOrderId',
    description: 'Handler services report acceptance, rejection, needs-information, progress and resolution',
  },
  workOrderChanged: {
    name: 'legal.workorder.changed',
    key: 'workOrderId',
    description: 'The lifecycle stream: every state change of every work order, for the platforms and partners',
  },
  workOrderDeadline: {
    name: 'legal.workorder.deadline',
    key: 'workOrderId',
    description: 'Deadline warnings and overdue escalations, each emitted once',
  },
  feedback: {
    name: 'legal.feedback',
    key: 'workOrderId',
    description: "Satisfaction evaluations submitted by citizens, and the hotline's completed callbacks (回访)",
  },
  referral: {
    name: 'legal.referral',
    key: 'workOrderId',
    description: 'Referrals (转介) between organisations raised at physical centres',
  },
  partnerNotice: {
    name: 'legal.partner.notice',
    key: 'noticeId',
    description: 'Notices from courts, procuratorates and police, e.g. notified defence (通知辩护)',
  },
  partnerClients: {
    name: 'legal.partner.clients',
    key: 'clientId',
    description: "The 12345 hotline's partner clients and the regions they cover, as identity registers them",
    /** Compacted: the newest coverage of each client stays for every projection that starts later. */
    compacted: true,
  },
  calendar: {
    name: 'legal.calendar',
    key: 'year',
    description: 'The official working-day calendar: State Council holiday notices loaded at run time',
    /** Compacted, no time deletion: the newest notice of each year stays for every instance that starts later. */
    compacted: true,
  },
} as const;

export type TopicKey = keyof typeof TOPICS;
export type TopicName = (typeof TOPICS)[TopicKey]['name'];

export const ALL_TOPIC_NAMES: TopicName[] = Object.values(TOPICS).map((t) => t.name);

/** Topics kept by key (cleanup.policy=compact, no retention.ms): state every instance reads from the start. */
export const COMPACTED_TOPIC_NAMES: TopicName[] = Object.values(TOPICS)
  .filter((t) => 'compacted' in t && t.compacted)
  .map((t) => t.name);

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** The physical topic name for a deployment or test run (KAFKA_TOPIC_PREFIX). */
export function prefixedTopic(prefix: string, topic: string): string {
  return prefix === '' ? topic : `${prefix}.${topic}`;
}

/**
 * Per-partner feeds: one topic per partner client, `legal.partner.feed.<clientId>`, written only by the
 * identity service's partner gateway (the agreed fields of the lifecycle events, nothing else) and read
 * only by that partner's broker principal. Not in TOPICS: each is created when its client is registered,
 * not at start-up, and has no dead-letter twin (no service of ours consumes it).
 */
export const PARTNER_FEED = {
  /** The AsyncAPI channel address; `{clientId}` is the partner's client id. */
  name: 'legal.partner.feed.{clientId}',
  prefix: 'legal.partner.feed.',
  key: 'workOrderId',
  description: "One partner's feed: the fields of the lifecycle events its data-sharing agreement names",
} as const;

export type PartnerFeedChannel = typeof PARTNER_FEED.name;

/** The (unprefixed) feed topic of one partner client. */
export function partnerFeedTopic(clientId: string): string {
  return `${PARTNER_FEED.prefix}${clientId}`;
}
