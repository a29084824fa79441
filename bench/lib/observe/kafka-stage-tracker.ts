import { prefixedTopic, TOPICS } from '@legal/contracts';
import { decodeCloudEvent } from '@legal/messaging';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { benchAdminSasl } from '../kafka-auth';
import { epochNow } from '../intake/platform-clients';
import { sleep } from '../sleep';

export interface OutcomeSeen {
  at: number;
  eventTime: number;
  type: string;
  outcome?: string;
  workOrderId?: string;
  caseCode?: string;
}

export interface SubmittedSeen {
  at: number;
  eventTime: number;
}

export interface WorkOrderSeen {
  dispatchedAt?: number;
  dispatchEventTime?: number;
  offers: number;
  offerIds: Set<string>;
  handlers: Set<string>;
  organisationId?: string;
  acceptedAt?: number;
  acceptedEventTime?: number;
  acceptedReports: number;
  rejections: number;
  changes: number;
  lastStatus?: string;
  lastVersion: number;
  changedAcceptedAt?: number;
  changedAcceptedEventTime?: number;
}

const ACCEPTED_OR_LATER = new Set(['accepted', 'in-progress', 'waiting-applicant', 'resolved', 'closed']);

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * Watches the run's topics from the side (its own consumer group, reading from the beginning) and
 * notes when each stage of each request became visible on Kafka: the case code (intake.outcome), the
 * offer (workorder.dispatch), the handler's acceptance (handler.report) and the lifecycle stream.
 */
export class KafkaStageTracker {
  readonly submitted = new Map<string, SubmittedSeen>();
  readonly outcomes = new Map<string, OutcomeSeen>();
  readonly workOrders = new Map<string, WorkOrderSeen>();
  readonly countsByType = new Map<string, number>();
  private consumer: Consumer | undefined;

  constructor(
    private readonly brokers: string[],
    private readonly tag: string,
  ) {}

  private workOrder(id: string): WorkOrderSeen {
    let seen = this.workOrders.get(id);
    if (!seen) {
      seen = {
        offers: 0,
        offerIds: new Set(),
        handlers: new Set(),
        acceptedReports: 0,
        rejections: 0,
        changes: 0,
        lastVersion: 0,
      };
      this.workOrders.set(id, seen);
    }
    return seen;
  }

  async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: `${this.tag}-tracker`,
      brokers: this.brokers,
      sasl: benchAdminSasl(),
      logLevel: logLevel.NOTHING,
    });
    const topics = [
      TOPICS.intakeSubmitted,
      TOPICS.intakeOutcome,
      TOPICS.workOrderDispatch,
      TOPICS.handlerReport,
      TOPICS.workOrderChanged,
    ].map((t) => prefixedTopic(this.tag, t.name));
    const consumer = kafka.consumer({
      groupId: `${this.tag}.bench-tracker`,
      // The tracker is part of the measurement, and its requests land on the broker's CPU row: a fetch returns as
      // soon as data arrives, so a long poll costs no latency, and 200 ms polls made ~5 requests/s at idle.
      maxWaitTimeInMs: 3000,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      // A new group per run that reads from the beginning: committed offsets would never be read again.
      autoCommit: false,
      partitionsConsumedConcurrently: 6,
      eachMessage: async ({ topic, message }) => {
        const at = epochNow();
        const decoded = decodeCloudEvent({ headers: message.headers, value: message.value });
        if (!decoded.ok) return;
        const event = decoded.event;
        this.countsByType.set(event.type, (this.countsByType.get(event.type) ?? 0) + 1);
        const data = (event.data ?? {}) as Record<string, unknown>;
        const eventTime = Date.parse(event.time);
        const plain = topic.slice(this.tag.length + 1);
        if (plain === TOPICS.intakeSubmitted.name) {
          const intakeId = text(data.intakeId);
          if (intakeId && !this.submitted.has(intakeId)) this.submitted.set(intakeId, { at, eventTime });
          return;
        }
        if (plain === TOPICS.intakeOutcome.name) {
          const intakeId = text(data.intakeId);
          if (intakeId && !this.outcomes.has(intakeId)) {
            this.outcomes.set(intakeId, {
              at,
              eventTime,
              type: event.type,
              outcome: text(data.outcome),
              workOrderId: text(data.workOrderId),
              caseCode: text(data.caseCode),
            });
          }
          return;
        }
        const workOrderId = text(data.workOrderId);
        if (!workOrderId) return;
        const wo = this.workOrder(workOrderId);
        if (plain === TOPICS.workOrderDispatch.name) {
          if (!event.type.includes('dispatched')) return;
          wo.offers += 1;
          const offerId = text(data.offerId);
          if (offerId) wo.offerIds.add(offerId);
          const handler = text(data.handler);
          if (handler) wo.handlers.add(handler);
          wo.organisationId = text(data.organisationId);
          if (wo.dispatchedAt === undefined) {
            wo.dispatchedAt = at;
            wo.dispatchEventTime = eventTime;
          }
        } else if (plain === TOPICS.handlerReport.name) {
          if (event.type.includes('offer-accepted')) {
            wo.acceptedReports += 1;
            if (wo.acceptedAt === undefined) {
              wo.acceptedAt = at;
              wo.acceptedEventTime = eventTime;
            }
          } else if (event.type.includes('offer-rejected')) {
            wo.rejections += 1;
          }
        } else if (plain === TOPICS.workOrderChanged.name) {
          wo.changes += 1;
          const version = typeof data.version === 'number' ? data.version : 0;
          const status = text(data.status);
          if (version >= wo.lastVersion) {
            wo.lastVersion = version;
            wo.lastStatus = status;
          }
          if (status && ACCEPTED_OR_LATER.has(status) && wo.changedAcceptedAt === undefined) {
            wo.changedAcceptedAt = at;
            wo.changedAcceptedEventTime = eventTime;
          }
        }
      },
    });
    for (let i = 0; i < 150 && !joined; i++) await sleep(100);
    if (!joined) throw new Error('tracker consumer did not join its group within 15 s');
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }
}
