import type { KafkaStageTracker } from '../observe/kafka-stage-tracker';
import { summarize, Summary } from '../stats';
import type { IntakeTrace } from './intake-trace';

/**
 * Where the time goes, hop by hop, from the events' own times (ce_time: when the producing service
 * wrote its outbox row, inside its transaction) and the moments the bench's side consumer saw them:
 *   http            POST answered
 *   platformRelay   platform's outbox row → record readable on intake.submitted
 *   workOrderIntake record readable → work-order wrote the outcome (consume + case code + routing + commit)
 *   workOrderRelay  outcome row → readable on intake.outcome
 *   handler         offer readable → handler wrote offer-accepted
 *   handlerRelay    offer-accepted row → readable on handler.report
 *   workOrderReport report readable → work-order wrote workorder.changed (accepted)
 *   changedRelay    that row → readable on workorder.changed
 *   readModels      readable → the last of the three platforms applied it
 */
export const HOPS = [
  'http',
  'platformRelay',
  'workOrderIntake',
  'workOrderRelay',
  'handler',
  'handlerRelay',
  'workOrderReport',
  'changedRelay',
  'readModels',
] as const;
export type Hop = (typeof HOPS)[number];

function diff(later: number | undefined, earlier: number | undefined): number | undefined {
  return later === undefined || earlier === undefined || !Number.isFinite(later) || !Number.isFinite(earlier)
    ? undefined
    : later - earlier;
}

export function hopsOf(trace: IntakeTrace, tracker: KafkaStageTracker): Record<Hop, number | undefined> {
  const intakeId = trace.submitted.intakeId;
  const submitted = intakeId ? tracker.submitted.get(intakeId) : undefined;
  const outcome = intakeId ? tracker.outcomes.get(intakeId) : undefined;
  const wo = trace.workOrderId ? tracker.workOrders.get(trace.workOrderId) : undefined;
  return {
    http: trace.submitted.intakeId ? trace.submitted.httpMs : undefined,
    platformRelay: diff(submitted?.at, submitted?.eventTime),
    workOrderIntake: diff(outcome?.eventTime, submitted?.at),
    workOrderRelay: diff(outcome?.at, outcome?.eventTime),
    handler: diff(wo?.acceptedEventTime, wo?.dispatchedAt),
    handlerRelay: diff(wo?.acceptedAt, wo?.acceptedEventTime),
    workOrderReport: diff(wo?.changedAcceptedEventTime, wo?.acceptedAt),
    changedRelay: diff(wo?.changedAcceptedAt, wo?.changedAcceptedEventTime),
    readModels: diff(trace.readModelsAt, wo?.changedAcceptedAt),
  };
}

export function hopSummary(traces: IntakeTrace[], tracker: KafkaStageTracker): Record<Hop, Summary> {
  const all = traces.map((t) => hopsOf(t, tracker));
  return Object.fromEntries(
    HOPS.map((h) => [h, summarize(all.flatMap((x) => (x[h] === undefined ? [] : [x[h] as number])))]),
  ) as Record<Hop, Summary>;
}
