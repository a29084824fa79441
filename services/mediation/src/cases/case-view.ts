import { PiiProtector } from '@legal/privacy';
import { applicantView } from '@legal/handler-kit';
import type { JudicialConfirmation } from '../judicial-confirmation/entities/judicial-confirmation.entity';
import type { MediationSession } from '../sessions/entities/mediation-session.entity';
import { termDeadline } from '../term/mediation-term';
import type { CaseResponseDto, CaseSummaryResponseDto } from './dto/case-response.dto';
import type { MediationCase } from './entities/mediation-case.entity';
import type { SessionResponseDto } from '../sessions/dto/session-response.dto';

export function toSessionResponse(s: MediationSession): SessionResponseDto {
  return {
    id: s.id,
    sequence: s.sequence,
    scheduledAt: s.scheduledAt.toISOString(),
    place: s.place,
    parties: s.parties,
    status: s.status,
    heldAt: s.heldAt?.toISOString(),
    attendees: s.attendees ?? undefined,
    minutes: s.minutes ?? undefined,
  };
}

/** The full case; `reveal` shows the applicant's contact data (mediators working the case). */
export function toCaseResponse(
  c: MediationCase,
  parts: {
    sessions: MediationSession[];
    confirmation: JudicialConfirmation | null;
    pii: PiiProtector;
    reveal: boolean;
  },
): CaseResponseDto {
  const { sessions, confirmation, pii, reveal } = parts;
  const deadline = termDeadline({ dueAt: c.termDueAt, explanation: c.termExplanation }, c.closedAt);
  return {
    id: c.id,
    offerId: c.offerId,
    workOrderId: c.workOrderId,
    caseCode: c.caseCode,
    regionCode: c.regionCode,
    description: c.description,
    urgency: c.urgency,
    applicant: applicantView(pii, c.applicantSealed, { reveal }),
    status: c.status,
    disputeCategory: c.disputeCategory ?? undefined,
    categorySource: c.categorySource,
    categoryKeywords: c.categoryKeywords,
    committeeId: c.committeeId,
    committeeName: c.committeeName,
    committeeRegionCode: c.committeeRegionCode,
    committeeReason: c.committeeReason,
    mediatorId: c.mediatorId,
    mediatorName: c.mediatorName,
    mediatorReason: c.mediatorReason,
    acceptedAt: c.acceptedAt.toISOString(),
    term: {
      dueAt: deadline.dueAt,
      rule: deadline.rule,
      explanation: c.termExplanation,
      status: deadline.status,
      extensions: c.termExtensions,
    },
    sessions: sessions.map(toSessionResponse),
    outcome: c.outcome ?? undefined,
    outcomeReason: c.outcomeReason ?? undefined,
    agreementText: c.agreementText ?? undefined,
    agreementTerms: c.agreementTerms ?? undefined,
    judicialConfirmation: confirmation
      ? {
          court: confirmation.court,
          requestedOn: confirmation.requestedOn,
          result: confirmation.result,
          decidedOn: confirmation.decidedOn ?? undefined,
          note: confirmation.note ?? undefined,
        }
      : undefined,
    closedAt: c.closedAt?.toISOString(),
  };
}

export function toCaseSummary(c: MediationCase): CaseSummaryResponseDto {
  return {
    id: c.id,
    workOrderId: c.workOrderId,
    caseCode: c.caseCode,
    regionCode: c.regionCode,
    status: c.status,
    disputeCategory: c.disputeCategory ?? undefined,
    committeeName: c.committeeName,
    mediatorName: c.mediatorName,
    termDueAt: c.termDueAt.toISOString(),
  };
}
