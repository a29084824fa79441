import { applyDeadlinePause, computeDeadline, DeadlineComputation, DeadlineRule } from '@legal/domain';
import type { StoredExtension, StoredPause } from './entities/deadline.entity';

export interface DeadlineInputs {
  rule: DeadlineRule;
  units: number;
  startAt: Date;
  pauses: readonly StoredPause[];
  extensions: readonly StoredExtension[];
  basis?: string;
}

export interface ComputedDeadline {
  dueAt: Date;
  explanation: string;
  computation: DeadlineComputation;
}

/**
 * Recomputes a deadline from what it was built from: the period (plus extensions) counted by the
 * legal rule from the start, then every completed pause applied in order. Recomputing from inputs
 * (rather than nudging the stored date) keeps the explanation complete and the result reproducible.
 */
export function computeStoredDeadline(inputs: DeadlineInputs): ComputedDeadline {
  const extra = inputs.extensions.reduce((sum, e) => sum + e.units, 0);
  let computation = computeDeadline(inputs.rule, inputs.startAt, inputs.units + extra);
  for (const pause of inputs.pauses) {
    computation = applyDeadlinePause(computation, {
      pausedAt: new Date(pause.pausedAt),
      resumedAt: new Date(pause.resumedAt),
    });
  }
  const parts = [inputs.basis ? `${inputs.basis}: ${computation.explanation}` : computation.explanation];
  if (inputs.extensions.length > 0) {
    parts.push(
      `Includes extension(s): ${inputs.extensions.map((e) => `+${e.units} (${e.reason}; by ${e.by} at ${e.at})`).join('; ')}.`,
    );
  }
  return { dueAt: computation.dueAt, explanation: parts.join(' '), computation };
}
