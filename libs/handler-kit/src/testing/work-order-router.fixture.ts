import { CloudEvent, EventData, OfferWithdrawn, prefixedTopic, TOPICS, WorkOrderDispatched } from '@legal/contracts';
import { formatCaseCode } from '@legal/domain';
import { createKafka, encodeCloudEvent, sealCloudEvent, EventCollector } from '@legal/messaging';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export type DispatchData = EventData<typeof WorkOrderDispatched>;
export type OfferDefaults = Partial<DispatchData> | (() => Partial<DispatchData>);

let sequence = Math.floor(Math.random() * 800000) + 1000;

/**
 * Plays the work-order service in tests of a handler service: publishes offers and withdrawals to the
 * run's dispatch topic exactly as its outbox relay would (CloudEvents binary mode, keyed by work order), and collects
 * every handler report from the run's report topic.
 */
export class WorkOrderRouterFixture {
  private constructor(
    private readonly producer: Producer,
    private readonly tag: string,
    readonly reports: EventCollector,
    private readonly defaults: OfferDefaults,
  ) {}

  /**
   * `defaults` are what this handler's offers look like (handler, organisation, region, description,
   * applicant ...), or a function giving them per offer; `offer()` fills the rest and its `overrides`
   * win over both.
   */
  static async connect(
    tag: string,
    defaults: OfferDefaults = {},
    brokers = ['127.0.0.1:9092'],
  ): Promise<WorkOrderRouterFixture> {
    const kafka = createKafka({ brokers, clientId: `router-fixture-${tag}`, topicPrefix: tag, partitions: 3 });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const reports = await EventCollector.start(kafka, [prefixedTopic(tag, TOPICS.handlerReport.name)]);
    return new WorkOrderRouterFixture(producer, tag, reports, defaults);
  }

  /** A valid offer to `handler`, as the router would make it; `overrides` change any field. */
  offer(overrides: Partial<DispatchData> = {}): DispatchData {
    const now = Date.now();
    sequence += 1;
    return {
      offerId: randomUUID(),
      workOrderId: randomUUID(),
      caseCode: formatCaseCode({ region: '371324', date: new Date(now), sequence }),
      handler: 'mediation',
      organisationId: 'org-371324101-mediation',
      organisationName: '兰陵县大仲村镇人民调解委员会',
      organisationRegionCode: '371324',
      serviceType: 'mediation',
      regionCode: '371324101201',
      description: '邻居家院墙漏水，多次协商未果',
      language: 'zh',
      urgency: 'normal',
      vulnerableGroup: false,
      applicant: { name: '张三', phone: '13812345678', address: '兰陵县大仲村镇大仲村' },
      originPlatform: 'hotline',
      receivedAt: new Date(now - 60_000).toISOString(),
      offeredAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 4 * 3600_000).toISOString(),
      attempt: 1,
      ...(typeof this.defaults === 'function' ? this.defaults() : this.defaults),
      ...overrides,
    };
  }

  async dispatch(data: DispatchData): Promise<CloudEvent<DispatchData>> {
    return this.send(this.event(WorkOrderDispatched.type, data.workOrderId, data));
  }

  async withdraw(offer: DispatchData, reason: 'expired' | 'reassigned' | 'cancelled'): Promise<void> {
    const { offerId, workOrderId, organisationId } = offer;
    const data = { offerId, workOrderId, organisationId, reason };
    await this.send(this.event(OfferWithdrawn.type, offer.workOrderId, data));
  }

  /** Publishes an event again, same id and all: what a redelivery looks like to the consumer. */
  send<T>(event: CloudEvent<T>): Promise<CloudEvent<T>> {
    return this.sendTo(TOPICS.workOrderDispatch.name, event);
  }

  /** Publishes an event to another of the run's topics (unprefixed name), sealed as an outbox would. */
  async sendTo<T>(topic: string, event: CloudEvent<T>): Promise<CloudEvent<T>> {
    const record = encodeCloudEvent(await sealCloudEvent(event as CloudEvent));
    await this.producer.send({
      topic: prefixedTopic(this.tag, topic),
      messages: [{ key: record.key, value: record.value, headers: record.headers }],
    });
    return event;
  }

  /** Reports about one work order, in the order they were published. */
  reportsFor(workOrderId: string): CloudEvent[] {
    return this.reports.events().filter((e) => e.subject === workOrderId);
  }

  /** Waits until `count` reports of `type` about the work order arrived; returns them all. */
  async waitForReports(workOrderId: string, type: string, count = 1, timeoutMs = 30000): Promise<CloudEvent[]> {
    const about = (r: { event?: CloudEvent }): boolean => r.event?.subject === workOrderId && r.event.type === type;
    const found = await this.reports.waitFor(about, count, timeoutMs);
    return found.flatMap((r) => (r.event ? [r.event] : []));
  }

  async close(): Promise<void> {
    await this.reports.stop();
    await this.producer.disconnect().catch(() => undefined);
  }

  /** A new CloudEvent (fresh id and correlation id) from `source`, keyed by `subject`. */
  event<T>(type: string, subject: string, data: T, source = '/legal/work-order'): CloudEvent<T> {
    return {
      id: randomUUID(),
      source,
      type,
      specversion: '1.0',
      time: new Date().toISOString(),
      subject,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data,
    };
  }
}
