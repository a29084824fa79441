import { computeAppraisalTerm, termDeadline } from '../term/appraisal-term';
import type { EntrustmentResponseDto } from './dto/entrustment-response.dto';
import type { Entrustment } from './entities/entrustment.entity';

/** The appraisal term of an entrustment whose agreement is signed, from its stored facts. */
export function termOf(e: Entrustment): ReturnType<typeof computeAppraisalTerm> | undefined {
  if (!e.agreementAt) return undefined;
  return computeAppraisalTerm({ agreementAt: e.agreementAt, pauses: e.termPauses, extension: e.termExtension });
}

/** How staff see an entrustment (no personal data beyond the entrusting party's name). */
export function entrustmentView(e: Entrustment): EntrustmentResponseDto {
  const term = termOf(e);
  return {
    id: e.id,
    workOrderId: e.workOrderId ?? undefined,
    caseCode: e.caseCode ?? undefined,
    institutionCode: e.institutionCode,
    institutionName: e.institutionName,
    regionCode: e.regionCode,
    party: {
      kind: e.partyKind,
      name: e.partyName,
      ...(e.courtCaseNumber ? { courtCaseNumber: e.courtCaseNumber } : {}),
      ...(e.legalAidCaseCode ? { legalAidCaseCode: e.legalAidCaseCode } : {}),
    },
    category: e.category,
    matter: e.matter,
    byLetter: e.byLetter,
    complexity: e.complexity,
    status: e.status,
    receivedAt: e.receivedAt.toISOString(),
    acceptance: {
      dueAt: e.acceptanceDueAt.toISOString(),
      explanation: e.acceptanceExplanation,
      decidedAt: e.decidedAt?.toISOString(),
      timeliness: e.decisionTimeliness ?? undefined,
      decisionExplanation: e.decisionExplanation ?? undefined,
      declineReasonCode: e.declineReasonCode ?? undefined,
    },
    agreementAt: e.agreementAt?.toISOString(),
    appraisers: e.appraisers,
    appraisersExplanation: e.appraisersExplanation ?? undefined,
    term: term && {
      dueAt: term.dueAt.toISOString(),
      status: termDeadline(term, e.opinionIssuedAt).status,
      explanation: term.explanation,
      pauses: e.termPauses,
      extension: e.termExtension ?? undefined,
    },
    opinionCode: e.opinionCode ?? undefined,
    opinionIssuedAt: e.opinionIssuedAt?.toISOString(),
  };
}
