import { Injectable } from '@nestjs/common';
import type { DefenceNotice, EventData } from '@legal/contracts';
import { publishDirectIntake } from '@legal/handler-kit';
import { Outbox } from '@legal/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service';
import { Application } from '../applications/entities/application.entity';
import { ExemptCategory } from '../hardship/entities/exempt-category.entity';
import { HardshipReview } from '../hardship/entities/hardship-review.entity';
import type { CategorySnapshot, HardshipInputs, ReviewSnapshot } from '../hardship/hardship-evaluation';
import { PersonalDataService } from '../personal-data/personal-data.service';
import { DefenceNoticeRecord } from './entities/defence-notice.entity';

/** A notice as recorded: the event's fields without the sender's token (checked by the consumer, never stored). */
export type NoticeData = Omit<EventData<typeof DefenceNotice>, 'partnerToken'>;

export const NOTIFIED_DEFENCE_CATEGORY = 'notified-defence';
const NOTICE_ACTOR = 'system:defence-notice';
/** Used only when the category row was removed: notified defence is exempt by statute, not by configuration. */
const STATUTORY_EXEMPTION: CategorySnapshot = {
  code: NOTIFIED_DEFENCE_CATEGORY,
  labelZh: '通知辩护',
  labelEn: 'Notified defence',
  legalBasis: '法律援助法 第25条、第35条',
};

export interface RecordedNotice {
  application: Application;
  created: boolean;
}

/**
 * Records a notified-defence notice (通知辩护) the same way whether it came as an event or through the
 * partner API: the notice, an application that needs no hardship review (exempt by statute, recorded as
 * such) and is granted by the notice itself, and the 3-day appointment clock from the notice.
 * A notice id seen before returns the existing application and writes nothing.
 */
@Injectable()
export class DefenceNoticesService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly personal: PersonalDataService,
    private readonly outbox: Outbox,
  ) {}

  async record(
    manager: EntityManager,
    data: NoticeData,
    channel: 'event' | 'rest',
    submittedBy: string,
    sourceEventId: string | null,
  ): Promise<RecordedNotice> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`legal-aid:notice:${data.noticeId}`]);
    const existing = await manager.findOne(DefenceNoticeRecord, { where: { id: data.noticeId } });
    if (existing)
      return {
        application: await manager.findOneOrFail(Application, { where: { id: existing.applicationId } }),
        created: false,
      };
    const receivedAt = new Date(data.noticeReceivedAt);
    const now = new Date();
    const agencyWords = { court: '人民法院', procuratorate: '人民检察院', police: '公安机关' }[data.agency];
    const grantReason = `通知辩护：${data.agencyName}（${agencyWords}）案号 ${data.agencyCaseNumber} 通知指派辩护律师；不受经济困难条件限制 (notified defence: appointment required by law)`;
    const application = await this.applications.open(manager, {
      kind: 'notified-defence',
      // Set when the offer of the work order this notice's intake creates (below) is linked to it.
      workOrderId: null,
      offerId: null,
      noticeId: data.noticeId,
      caseCode: null,
      organisationId: null,
      organisationName: null,
      regionCode: data.regionCode,
      matterRegionCode: data.regionCode,
      description: `${data.charge}（${data.stage}）— ${data.agencyName} ${data.agencyCaseNumber}`.slice(0, 5000),
      expertiseTags: ['criminal-defence', ...(data.suspect.minor ? ['juvenile'] : [])],
      legalDeadlineAt: data.hearingAt ? new Date(data.hearingAt) : null,
      applicant: this.personal.protect({ name: data.suspect.name, idCardNumber: data.suspect.idCardNumber }),
      receivedAt,
      state: 'granted',
      sourceEventId,
      actor: NOTICE_ACTOR,
      detail: `Notified-defence notice ${data.noticeId} from ${data.agencyName} (${channel}); lawyer to be appointed within 3 days of the notice`,
    });
    await this.applications.transition(manager, application, {
      to: 'granted',
      action: 'decided',
      actor: NOTICE_ACTOR,
      detail: `grant: ${grantReason}`,
      changes: {
        decision: 'grant',
        decisionReason: grantReason.slice(0, 2000),
        decidedAt: now,
        decidedBy: NOTICE_ACTOR,
      },
    });
    await manager.insert(DefenceNoticeRecord, {
      id: data.noticeId,
      agency: data.agency,
      agencyName: data.agencyName,
      agencyCaseNumber: data.agencyCaseNumber,
      regionCode: data.regionCode,
      suspect: this.personal.protect({ name: data.suspect.name, idCardNumber: data.suspect.idCardNumber }),
      suspectMinor: data.suspect.minor ?? null,
      suspectDisability: data.suspect.disability ?? null,
      charge: data.charge,
      stage: data.stage,
      noticeReceivedAt: receivedAt,
      hearingAt: data.hearingAt ? new Date(data.hearingAt) : null,
      channel,
      submittedBy: submittedBy.slice(0, 100),
      applicationId: application.id,
    });
    await this.recordExemption(manager, application, now);
    await this.submitToWorkOrder(manager, { data, description: application.description, submittedBy });
    return { application, created: true };
  }

  /**
   * One notice, one work order: the notice goes to work-order as an intake (its id the notice id, so a
   * replay is the same intake) that gets a central case code, the 3-day appointment clock and an offer
   * back to legal aid, which links it to this application (LegalAidOffers.open).
   */
  private async submitToWorkOrder(
    manager: EntityManager,
    notice: { data: NoticeData; description: string; submittedBy: string },
  ): Promise<void> {
    const { data, description, submittedBy } = notice;
    const { name, idCardNumber } = data.suspect;
    const applicant = { name, ...(idCardNumber ? { idCardNumber } : {}) };
    await publishDirectIntake(this.outbox, manager, {
      recordId: data.noticeId,
      partnerClientId: submittedBy,
      platformRecordId: `defence-notice-${data.noticeId}`,
      submittedAt: data.noticeReceivedAt,
      serviceType: 'notified-defence',
      description,
      regionCode: data.regionCode,
      urgency: 'urgent',
      vulnerableGroup: Boolean(data.suspect.minor || data.suspect.disability),
      ...(data.hearingAt ? { legalDeadlineAt: data.hearingAt } : {}),
      applicant,
    });
  }

  /** The review record of a notified-defence case: exempt, with the category as it stood. */
  private async recordExemption(manager: EntityManager, application: Application, now: Date): Promise<void> {
    const row = await manager.findOne(ExemptCategory, { where: { code: NOTIFIED_DEFENCE_CATEGORY } });
    const exemption: CategorySnapshot = row
      ? { code: row.code, labelZh: row.labelZh, labelEn: row.labelEn, legalBasis: row.legalBasis }
      : STATUTORY_EXEMPTION;
    const inputs: HardshipInputs = {
      householdSize: null,
      householdMonthlyIncome: null,
      exemptCategoryCode: exemption.code,
      integrityCommitment: false,
      matterTags: [],
      notes: null,
    };
    const explanation = `Exempt from the economic-hardship check: ${exemption.labelZh} (${exemption.labelEn}; ${exemption.legalBasis})`;
    const snapshot: ReviewSnapshot = {
      inputs,
      matterRegionCode: application.matterRegionCode,
      exemption,
      threshold: null,
      monthlyIncomePerCapita: null,
      rule: 'exempt-category',
      computedResult: 'exempt',
      explanation,
      evaluatedAt: now.toISOString(),
      overrides: [],
    };
    await manager.insert(HardshipReview, {
      id: randomUUID(),
      applicationId: application.id,
      householdSize: null,
      householdMonthlyIncome: null,
      monthlyIncomePerCapita: null,
      exemptCategoryCode: exemption.code,
      thresholdAmount: null,
      thresholdRegionCode: null,
      thresholdSource: null,
      integrityCommitment: false,
      commitmentSignedAt: null,
      computedResult: 'exempt',
      overrideResult: null,
      overrideReason: null,
      overriddenBy: null,
      overriddenAt: null,
      finalResult: 'exempt',
      explanation,
      snapshot,
      reviewedBy: NOTICE_ACTOR,
      reviewedAt: now,
    });
  }
}
