import { CloudEvent, DefenceNotice, TOPICS } from '@legal/contracts';
import { idCardCheckCharacter } from '@legal/domain';
import { DispatchedData, WorkOrderRouterFixture } from '@legal/handler-kit';
import type { EventCollector } from '@legal/messaging';
import { randomUUID } from 'node:crypto';
import type { NoticeData } from '../notices/defence-notices.service';

/** A valid ID-card number (check character computed) for the given first 17 digits. */
export function idCard(first17: string): string {
  return `${first17}${idCardCheckCharacter(first17)}`;
}

/** What an offer to legal aid looks like in tests: 兰陵县法律援助中心 (371324). */
const legalAidOffer = (): Partial<DispatchedData> => ({
  handler: 'legal-aid',
  organisationId: 'org-371324-legal-aid',
  organisationName: '兰陵县法律援助中心',
  organisationRegionCode: '371324',
  serviceType: 'legal-aid',
  regionCode: '371324101',
  description: '在工地打工，老板拖欠工资三万元',
  vulnerableGroup: true,
  applicant: {
    name: '张三',
    phone: '13812345678',
    idCardNumber: idCard('37132419900307123'),
    address: '兰陵县大仲村镇大仲村',
  },
});

/**
 * Plays the work-order router (the handler kit's `WorkOrderRouterFixture`, with legal-aid offers) and
 * the partner agencies in tests: publishes offers, withdrawals and defence notices to the run's topics
 * exactly as their outbox relays would, and collects every handler report from the run's report topic.
 */
export class PartnerEventsFixture {
  /**
   * The raw access token the partner sends with its notices (proof of which agency and area it speaks
   * for): set it from the test's TestAuthority, e.g. `auth.token({ roles: ['partner'], org, region, clientId })`.
   */
  partnerToken: string | undefined;

  private constructor(private readonly router: WorkOrderRouterFixture) {}

  static async connect(tag: string, brokers = ['127.0.0.1:9092']): Promise<PartnerEventsFixture> {
    return new PartnerEventsFixture(await WorkOrderRouterFixture.connect(tag, legalAidOffer, brokers));
  }

  get reports(): EventCollector {
    return this.router.reports;
  }

  /** A valid legal-aid offer; `overrides` change any field. */
  offer(overrides: Partial<DispatchedData> = {}): DispatchedData {
    return this.router.offer(overrides);
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

  dispatch(data: DispatchedData): Promise<CloudEvent<DispatchedData>> {
    return this.router.dispatch(data);
  }

  withdraw(offer: DispatchedData, reason: 'expired' | 'reassigned' | 'cancelled'): Promise<void> {
    return this.router.withdraw(offer, reason);
  }

  /**
   * `subject` (the Kafka key) defaults to the notice id; sharing one keeps notices on one partition, in order.
   * The notice goes with `partnerToken` (the fixture's, unless given).
   */
  async defenceNotice(
    data: NoticeData,
    subject = data.noticeId,
    partnerToken = this.partnerToken,
  ): Promise<CloudEvent<NoticeData & { partnerToken: string }>> {
    if (partnerToken === undefined) {
      throw new Error('set PartnerEventsFixture.partnerToken (a partner access token) before sending notices');
    }
    const event = this.router.event(DefenceNotice.type, subject, { ...data, partnerToken }, '/partners/court-371302');
    return this.router.sendTo(TOPICS.partnerNotice.name, event);
  }

  /** Publishes an event (again, same id and all: what a redelivery looks like to the consumer). */
  send<T>(topic: string, event: CloudEvent<T>): Promise<CloudEvent<T>> {
    return this.router.sendTo(topic, event);
  }

  reportsFor(workOrderId: string): CloudEvent[] {
    return this.router.reportsFor(workOrderId);
  }

  /** Waits until `count` reports of `type` (and `step`, for Progressed) about the work order arrived. */
  async waitForReports(
    workOrderId: string,
    type: string,
    count = 1,
    step?: string,
    timeoutMs = 30000,
  ): Promise<CloudEvent[]> {
    const stepOf = (e: CloudEvent): string | undefined => (e.data as { step?: string }).step;
    const wanted = (e: CloudEvent | undefined): boolean =>
      e?.subject === workOrderId && e.type === type && (step === undefined || stepOf(e) === step);
    const found = await this.router.reports.waitFor((r) => wanted(r.event), count, timeoutMs);
    return found.flatMap((r) => (r.event ? [r.event] : []));
  }

  close(): Promise<void> {
    return this.router.close();
  }
}
