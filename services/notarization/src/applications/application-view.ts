import { PiiProtector } from '@legal/privacy';
import { applicantView } from '@legal/handler-kit';
import type { ApplicationMaterial } from '../materials/entities/application-material.entity';
import type { MaterialNotice } from '../materials/entities/material-notice.entity';
import type { ApplicationResponseDto, ApplicationSummaryResponseDto } from './dto/application-response.dto';
import type { Application } from './entities/application.entity';

/** The full application; `reveal` shows the applicant's contact data (notaries, and the applicant). */
export function toApplicationResponse(
  a: Application,
  parts: { materials: ApplicationMaterial[]; notice: MaterialNotice | null; pii: PiiProtector; reveal: boolean },
): ApplicationResponseDto {
  const { materials, notice, pii, reveal } = parts;
  return {
    id: a.id,
    workOrderId: a.workOrderId,
    caseCode: a.caseCode,
    organisationName: a.organisationName,
    regionCode: a.regionCode,
    description: a.description,
    applicant: applicantView(pii, a.applicantSealed, { reveal }),
    status: a.status,
    matterCode: a.matterCode ?? undefined,
    matterName: a.matterName ?? undefined,
    feeFen: a.feeFen ?? undefined,
    submittedAt: a.submittedAt?.toISOString(),
    clock: {
      status: a.clockStatus,
      dueAt: a.clockDueAt?.toISOString(),
      explanation: a.clockExplanation ?? undefined,
      pausedAt: a.clockPausedAt?.toISOString(),
      pauses: a.clockPauses,
    },
    materials: materials.map((m) => ({
      code: m.code,
      label: m.label,
      commitmentAllowed: m.commitmentAllowed,
      provision: m.provision,
      reference: m.reference ?? undefined,
      commitmentSignatory: m.commitmentSignatory ?? undefined,
      note: m.note ?? undefined,
      receivedAt: m.receivedAt?.toISOString(),
    })),
    notice: notice
      ? {
          items: notice.items,
          notice: notice.notice,
          issuedAt: notice.issuedAt.toISOString(),
          satisfiedAt: notice.satisfiedAt?.toISOString(),
        }
      : undefined,
    reviewerId: a.reviewerId ?? undefined,
    certificateNumber: a.certificateNumber ?? undefined,
    certificateCopies: a.certificateCopies ?? undefined,
    refusalReason: a.refusalReason ?? undefined,
    closedAt: a.closedAt?.toISOString(),
  };
}

export function toApplicationSummary(a: Application): ApplicationSummaryResponseDto {
  return {
    id: a.id,
    workOrderId: a.workOrderId,
    caseCode: a.caseCode,
    status: a.status,
    matterName: a.matterName ?? undefined,
    dueAt: a.clockDueAt?.toISOString(),
    clockStatus: a.clockStatus,
  };
}
