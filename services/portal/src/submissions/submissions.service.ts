import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeChinesePhone, normalizeIdCardInput, phoneLastFour } from '@legal/domain';
import {
  IntakeSubmissionService,
  LINKED_NOTE,
  PlatformIntake,
  StatusLocale,
  toWorkOrderViewResponse,
  WorkOrderViewService,
} from '@legal/platform-kit';
import { PiiProtector } from '@legal/privacy';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CitizenKeys } from '../common/citizen-identity';
import type { IntakeStatusResponseDto } from './dto/intake-status-response.dto';
import type { MyRequestsResponseDto, PendingSubmissionResponseDto } from './dto/my-requests-response.dto';
import { PortalSubmission } from './entities/portal-submission.entity';
import { compact, NewSubmission, SubmissionAccepted } from './new-submission';

const PENDING_LIMIT = 50;

/** Stores a portal submission and hands it to the work-order service in one transaction. */
@Injectable()
export class SubmissionsService {
  private readonly logger = new Logger(SubmissionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intakes: IntakeSubmissionService,
    private readonly views: WorkOrderViewService,
    private readonly pii: PiiProtector,
  ) {}

  async submit(input: NewSubmission): Promise<SubmissionAccepted> {
    const phone = input.contact.phone ? normalizeChinesePhone(input.contact.phone) : undefined;
    const idCard = input.contact.idCardNumber ? normalizeIdCardInput(input.contact.idCardNumber) : undefined;
    const submissionId = randomUUID();
    const verifiedPhone = input.citizenVerifiedPhone ? normalizeChinesePhone(input.citizenVerifiedPhone) : undefined;
    const citizenPhoneVerified =
      input.citizenUserId !== undefined && phone !== undefined && verifiedPhone === phone ? true : undefined;
    const accepted = await this.dataSource.transaction(async (manager) => {
      const intake = await this.intakes.submit(
        manager,
        compact({
          platformRecordId: submissionId,
          serviceType: input.serviceType,
          description: input.description,
          regionCode: input.regionCode,
          language: input.language,
          urgency: input.urgency,
          vulnerableGroup: input.vulnerableGroup,
          legalDeadlineAt: input.legalDeadlineAt ? new Date(input.legalDeadlineAt).toISOString() : undefined,
          applicant: compact({ name: input.contact.name, idCardNumber: idCard, phone, address: input.contact.address }),
          citizenUserId: input.citizenUserId,
          citizenPhoneVerified,
          relatedCaseCode: input.relatedCaseCode,
          attachments: input.attachments && input.attachments.length > 0 ? input.attachments : undefined,
          submittedBy: compact(input.submittedBy),
        }),
      );
      await manager.insert(PortalSubmission, {
        id: submissionId,
        intakeId: intake.intakeId,
        kind: input.kind,
        serviceType: input.serviceType ?? null,
        regionCode: input.regionCode,
        description: input.description,
        attachments: input.attachments ?? [],
        relatedCaseCode: input.relatedCaseCode ?? null,
        nameEnc: input.contact.name ? this.pii.encrypt(input.contact.name) : null,
        phoneHash: phone ? this.pii.hash(phone) : null,
        phoneEnc: phone ? this.pii.encrypt(phone) : null,
        phoneLast4: phone ? (phoneLastFour(phone) ?? null) : null,
        idCardHash: idCard ? this.pii.hash(idCard) : null,
        idCardEnc: idCard ? this.pii.encrypt(idCard) : null,
        emailEnc: input.contact.email ? this.pii.encrypt(input.contact.email.trim().toLowerCase()) : null,
        addressEnc: input.contact.address ? this.pii.encrypt(input.contact.address) : null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        citizenUserId: input.citizenUserId ?? null,
        language: input.language,
        urgency: input.urgency,
        createdAt: intake.submittedAt,
      });
      return intake;
    });
    this.logger.log({ submissionId, intakeId: accepted.intakeId, kind: input.kind }, 'portal submission accepted');
    return {
      intakeId: accepted.intakeId,
      submissionId,
      status: 'submitted',
      statusUrl: `/portal/requests/${accepted.intakeId}/status`,
      accessCode: accepted.accessCode,
    };
  }

  /**
   * The outcome of one portal intake as its submitter may see it, with the work order once the read
   * model has it (public view). A duplicate linked to an existing work order shows neither that work
   * order nor its code (whoever typed a phone number must not learn another person's case); nor are
   * possibly related codes ever shown here — they are for staff with jurisdiction.
   */
  async status(intakeId: string, locale: StatusLocale): Promise<IntakeStatusResponseDto> {
    const { possiblyRelatedCaseCodes: _staffOnly, ...status } = await this.intakes.status(intakeId, {
      kind: 'citizen',
    });
    const view = status.workOrderId ? await this.views.findById(status.workOrderId) : null;
    return { ...status, ...(view ? { workOrder: toWorkOrderViewResponse(view, { kind: 'public' }, { locale }) } : {}) };
  }

  /** A citizen's work orders across all platforms, plus their portal submissions still without a case code. */
  async myRequests(
    citizen: CitizenKeys,
    page: { limit: number; offset: number },
    locale: StatusLocale,
  ): Promise<MyRequestsResponseDto> {
    const found = await this.views.listByCitizen(citizen, page);
    const now = new Date();
    return {
      items: found.items.map((v) => toWorkOrderViewResponse(v, { kind: 'citizen' }, { now, locale })),
      total: found.total,
      limit: found.limit,
      offset: found.offset,
      pending: await this.pending(citizen),
    };
  }

  private async pending(citizen: CitizenKeys): Promise<PendingSubmissionResponseDto[]> {
    const clauses: string[] = [];
    if (citizen.userId) clauses.push('s.citizen_user_id = :userId');
    if (citizen.phoneHash) clauses.push('s.phone_hash = :phoneHash');
    if (clauses.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(PortalSubmission)
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.intake', PlatformIntake, 'i', 'i.intake_id = s.intake_id')
      .where(`(${clauses.join(' OR ')})`, { userId: citizen.userId, phoneHash: citizen.phoneHash })
      .andWhere("i.status IN ('submitted', 'rejected', 'linked-to-existing')")
      .orderBy('s.createdAt', 'DESC')
      .take(PENDING_LIMIT)
      .getMany();
    return rows.map((s) => {
      const intake = (s as PortalSubmission & { intake: PlatformIntake }).intake;
      return {
        intakeId: s.intakeId,
        status: intake.status,
        ...(s.serviceType ? { serviceType: s.serviceType } : {}),
        kind: s.kind,
        submittedAt: s.createdAt.toISOString(),
        ...(intake.rejectionReasons ? { rejectionReasons: intake.rejectionReasons } : {}),
        ...(intake.status === 'linked-to-existing' ? { note: LINKED_NOTE } : {}),
      };
    });
  }
}
