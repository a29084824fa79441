import type { LoggedCall } from './calls.service';
import type { CallResponseDto } from './dto/call-response.dto';

/** A call as agents see it: the caller's number masked. */
export function toCallResponse({ call, intake }: LoggedCall): CallResponseDto {
  return {
    id: call.id,
    intakeId: call.intakeId,
    intakeStatus: intake.status,
    ...(intake.caseCode ? { caseCode: intake.caseCode } : {}),
    ...(intake.workOrderId ? { workOrderId: intake.workOrderId } : {}),
    ...(intake.accessCode ? { accessCode: intake.accessCode } : {}),
    ...(intake.note ? { note: intake.note } : {}),
    outcome: call.outcome,
    callerPhoneMasked: call.callerPhoneMasked,
    callerPhoneLast4: call.callerPhoneLast4,
    ...(call.callerNameMasked ? { callerNameMasked: call.callerNameMasked } : {}),
    regionCode: call.regionCode,
    language: call.language,
    ...(call.serviceType ? { serviceType: call.serviceType } : {}),
    urgency: call.urgency,
    description: call.description,
    ...(call.answerSummary ? { answerSummary: call.answerSummary } : {}),
    agentId: call.agentId,
    createdAt: call.createdAt.toISOString(),
  };
}
