import type { SubmittedIntake } from '../intake/platform-clients';
import type { KafkaStageTracker } from '../observe/kafka-stage-tracker';
import type { ReadModelWatcher } from '../observe/read-model-watcher';

/** Everything seen about one request, as epoch-ms times (absent = not seen). */
export interface IntakeTrace {
  submitted: SubmittedIntake;
  outcomeType?: string;
  outcome?: string;
  workOrderId?: string;
  caseCode?: string;
  caseCodeAt?: number;
  dispatchedAt?: number;
  acceptedAt?: number;
  readModelsAt?: number;
  readModelsVisibleAt?: number;
}

export function traceOf(
  submitted: SubmittedIntake,
  tracker: KafkaStageTracker,
  watcher: ReadModelWatcher,
): IntakeTrace {
  const trace: IntakeTrace = { submitted };
  if (!submitted.intakeId) return trace;
  const outcome = tracker.outcomes.get(submitted.intakeId);
  if (!outcome) return trace;
  trace.outcomeType = outcome.type;
  trace.outcome = outcome.outcome;
  trace.caseCodeAt = outcome.at;
  trace.caseCode = outcome.caseCode;
  trace.workOrderId = outcome.workOrderId;
  if (!outcome.workOrderId) return trace;
  const wo = tracker.workOrders.get(outcome.workOrderId);
  trace.dispatchedAt = wo?.dispatchedAt;
  trace.acceptedAt = wo?.acceptedAt;
  trace.readModelsAt = watcher.allAccepted(outcome.workOrderId);
  trace.readModelsVisibleAt = watcher.allVisible(outcome.workOrderId);
  return trace;
}

/** Done: every stage seen, or the intake ended early (refused, triage, closed on the spot). */
export function isSettled(trace: IntakeTrace): boolean {
  if (!trace.submitted.intakeId) return true;
  if (trace.caseCodeAt === undefined) return false;
  if (trace.outcomeType?.includes('rejected') || trace.outcome === 'triage' || trace.outcome === 'closed-on-spot')
    return true;
  return trace.readModelsAt !== undefined;
}
