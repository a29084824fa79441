import { CloudEvent, DefenceNotice, OfferWithdrawn, prefixedTopic, TOPICS, WorkOrderDispatched } from '@legal/contracts';
import { formatCaseCode, idCardCheckCharacter } from '@legal/domain';
import { createKafka, encodeCloudEvent, sealCloudEvent, EventCollector } from '@legal/messaging';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { NoticeData } from '../notices/defence-notices.service';
import type { DispatchedData } from '@legal/handler-kit';

let sequence = Math.floor(Math.random() * 800000) + 1000;

/** A valid ID-card number (check character computed) for the given first 17 digits. */
export function idCard(first17: string): string {
  return `${first17}${idCardCheckCharacter(first17)}`;
}

/**
 * Plays the work-order router and the partner agencies in tests: publishes offers, withdrawals and
 * defence notices to the run's topics exactly as their outbox relays would (CloudEvents binary mode),
 * and collects every handler report from the run's report topic.
 */
export class PartnerEventsFixture {
  /**
   * The raw access token the partner sends with its notices (proof of which agency and area it speaks
   * for): set it from the test's TestAuthority, e.g. `auth.token({ roles: ['partner'], org, region, clientId })`.
   */
  partnerToken: string | undefined;

  private constructor(
    private readonly producer: Producer,
    private readonly tag: string,
    readonly reports: EventCollector,
  ) {}

  static async connect(tag: string, brokers = ['127.0.0.1:9092']): Promise<PartnerEventsFixture> {
    const kafka = createKafka({ brokers, clientId: `partner-fixture-${tag}`, topicPrefix: tag, partitions: 3 });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const reports = await EventCollector.start(kafka, [prefixedTopic(tag, TOPICS.handlerReport.name)]);
    return new PartnerEventsFixture(producer, tag, reports);
  }

  /** A valid legal-aid offer for 兰陵县法律援助中心 (371324); `overrides` change any field. */
  offer(overrides: Partial<DispatchedData> = {}): DispatchedData {
    const now = Date.now();
    sequence += 1;
    return {
      offerId: randomUUID(),
      workOrderId: randomUUID(),
      caseCode: formatCaseCode({ region: '371324', date: new Date(now), sequence }),
      handler: 'legal-aid',
      organisationId: 'org-371324-legal-aid',
      organisationName: '兰陵县法律援助中心',
      organisationRegionCode: '371324',
      serviceType: 'legal-aid',
      regionCode: '371324101',
      description: '在工地打工，老板拖欠工资三万元',
      language: 'zh',
      urgency: 'normal',
      vulnerableGroup: true,
      applicant: { name: '张三', phone: '13812345678', idCardNumber: idCard('37132419900307123'), address: '兰陵县大仲村镇大仲村' },
      originPlatform: 'hotline',
      receivedAt: new Date(now - 60_000).toISOString(),
      offeredAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 4 * 3600_000).toISOString(),
      attempt: 1,
      ...overrides,
    };
  }

  /** A notified-defence notice from 兰山区人民法院 (371302). */
  notice(overrides: Partial<NoticeData> = {}): NoticeData {
    return {
      noticeId: randomUUID(),
      agency: 'court',
      agencyName: '临沂市兰山区人民法院',
      agencyCaseNumber: `(2026)鲁1302刑初${Math.floor(Math.random() * 9000) + 100}号`,
      organisationId: 'org-371302-court',
      regionCode: '371302',
      suspect: { name: '李四', idCardNumber: idCard('37130219900101123'), minor: false },
      charge: '盗窃罪',
      stage: 'trial',
      noticeReceivedAt: new Date(Date.now() - 3600_000).toISOString(),
      ...overrides,
    };
  }

  async dispatch(data: DispatchedData): Promise<CloudEvent<DispatchedData>> {
    return this.send(TOPICS.workOrderDispatch.name, this.envelope(WorkOrderDispatched.type, '/legal/work-order', data.workOrderId, data));
  }

  async withdraw(offer: DispatchedData, reason: 'expired' | 'reassigned' | 'cancelled'): Promise<void> {
    const data = { offerId: offer.offerId, workOrderId: offer.workOrderId, organisationId: offer.organisationId, reason };
    await this.send(TOPICS.workOrderDispatch.name, this.envelope(OfferWithdrawn.type, '/legal/work-order', offer.workOrderId, data));
  }

  /**
   * `subject` (the Kafka key) defaults to the notice id; sharing one keeps notices on one partition, in order.
   * The notice goes with `partnerToken` (the fixture's, unless given).
   */
  async defenceNotice(data: NoticeData, subject = data.noticeId, partnerToken = this.partnerToken): Promise<CloudEvent<NoticeData & { partnerToken: string }>> {
    if (partnerToken === undefined) throw new Error('set PartnerEventsFixture.partnerToken (a partner access token) before sending notices');
    return this.send(TOPICS.partnerNotice.name, this.envelope(DefenceNotice.type, '/partners/court-371302', subject, { ...data, partnerToken }));
  }

  /** Publishes an event (again, same id and all: what a redelivery looks like to the consumer). */
  async send<T>(topic: string, event: CloudEvent<T>): Promise<CloudEvent<T>> {
    const record = encodeCloudEvent(await sealCloudEvent(event as CloudEvent));
    await this.producer.send({ topic: prefixedTopic(this.tag, topic), messages: [{ key: record.key, value: record.value, headers: record.headers }] });
    return event;
  }

  reportsFor(workOrderId: string): CloudEvent[] {
    return this.reports.events().filter((e) => e.subject === workOrderId);
  }

  /** Waits until `count` reports of `type` (and `step`, for Progressed) about the work order arrived. */
  async waitForReports(workOrderId: string, type: string, count = 1, step?: string, timeoutMs = 30000): Promise<CloudEvent[]> {
    const found = await this.reports.waitFor(
      (r) => r.event?.subject === workOrderId && r.event.type === type && (step === undefined || (r.event.data as { step?: string }).step === step),
      count,
      timeoutMs,
    );
    return found.flatMap((r) => (r.event ? [r.event] : []));
  }

  async close(): Promise<void> {
    await this.reports.stop();
    await this.producer.disconnect().catch(() => undefined);
  }

  private envelope<T>(type: string, source: string, subject: string, data: T): CloudEvent<T> {
    return { id: randomUUID(), source, type, specversion: '1.0', time: new Date().toISOString(), subject, datacontenttype: 'application/json', correlationid: randomUUID(), data };
  }
}
