import {
  CloudEvent,
  Deadline,
  DeadlineOverdue,
  IntakeRegistered,
  prefixedTopic,
  TOPICS,
  WorkOrderChanged,
  WorkOrderStatus,
} from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { formatCaseCode } from '@legal/domain';
import { createKafka, encodeCloudEvent, sealCloudEvent } from '@legal/messaging';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export type ChangedData = EventData<typeof WorkOrderChanged>;
type RegisteredData = EventData<typeof IntakeRegistered>;
type OverdueData = EventData<typeof DeadlineOverdue>;

let sequence = Math.floor(Math.random() * 800000) + 1000;

/** A fresh, valid case code (一案一码) for test data. */
export function testCaseCode(region = '371324'): string {
  sequence += 1;
  return formatCaseCode({ region, date: new Date(), sequence });
}

/**
 * Plays the work-order service's part in the platforms' tests (hotline, portal, centre): writes
 * lifecycle, deadline and intake-outcome events to the run's topics as its outbox relay would
 * (CloudEvents binary mode, keyed by subject).
 */
export class WorkOrderStreamFixture {
  private constructor(
    private readonly producer: Producer,
    private readonly tag: string,
  ) {}

  static async connect(tag: string, brokers: string[] = ['127.0.0.1:9092']): Promise<WorkOrderStreamFixture> {
    const producer = createKafka({ brokers, clientId: `fixture-${tag}`, topicPrefix: tag, partitions: 3 }).producer({
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    return new WorkOrderStreamFixture(producer, tag);
  }

  /** Sends one event; pass `id` to replay the very same event (a redelivery). */
  async send<T>(
    topic: string,
    type: string,
    subject: string,
    data: T,
    id: string = randomUUID(),
  ): Promise<CloudEvent<T>> {
    const event: CloudEvent<T> = {
      id,
      source: '/legal/work-order',
      type,
      specversion: '1.0',
      time: new Date().toISOString(),
      subject,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data,
    };
    const record = encodeCloudEvent(await sealCloudEvent(event as CloudEvent));
    await this.producer.send({
      topic: prefixedTopic(this.tag, topic),
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
    return event;
  }

  async registered(data: RegisteredData): Promise<CloudEvent<RegisteredData>> {
    return this.send(TOPICS.intakeOutcome.name, IntakeRegistered.type, data.intakeId, data);
  }

  async changed(data: ChangedData, id?: string): Promise<CloudEvent<ChangedData>> {
    return this.send(TOPICS.workOrderChanged.name, WorkOrderChanged.type, data.workOrderId, data, id);
  }

  async overdue(data: OverdueData): Promise<CloudEvent<OverdueData>> {
    return this.send(TOPICS.workOrderDeadline.name, DeadlineOverdue.type, data.workOrderId, data);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** A work order's successive views, version by version, as the work-order service would emit them. */
export class WorkOrderScript {
  version = 0;
  readonly workOrderId = randomUUID();
  readonly caseCode: string;
  private base: Omit<ChangedData, 'version' | 'status' | 'entry' | 'previousStatus'>;
  private status: WorkOrderStatus | undefined;

  constructor(overrides: Partial<ChangedData> & { citizen: ChangedData['citizen'] }) {
    this.caseCode = overrides.caseCode ?? testCaseCode((overrides.regionCode ?? '371324').slice(0, 6));
    this.base = {
      workOrderId: this.workOrderId,
      caseCode: this.caseCode,
      serviceType: 'legal-aid',
      regionCode: '371324101',
      originPlatform: 'portal',
      platforms: ['portal'],
      deadlines: [],
      receivedAt: new Date().toISOString(),
      ...overrides,
    };
  }

  next(
    status: WorkOrderStatus,
    changes: Partial<ChangedData> = {},
    action: string = status,
    actorRole = 'legal-aid-officer',
  ): ChangedData {
    this.version += 1;
    this.base = { ...this.base, ...changes };
    const data: ChangedData = {
      ...this.base,
      version: this.version,
      status,
      ...(this.status ? { previousStatus: this.status } : {}),
      entry: { seq: this.version, at: new Date().toISOString(), action, actorRole, platform: 'partner' },
    };
    this.status = status;
    return data;
  }
}

/** A running deadline `daysFromNow` days ahead, as a WorkOrderChanged view carries it. */
export function runningDeadline(kind: string, daysFromNow: number): Deadline {
  return {
    kind,
    dueAt: new Date(Date.now() + daysFromNow * 86400000).toISOString(),
    rule: 'calendar-days',
    explanation: `${daysFromNow} days, start day not counted`,
    status: 'running',
  };
}
