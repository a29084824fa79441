import type { Deadline } from '@legal/contracts';
import { computeDeadline, DeadlineComputation, ServiceDeadline, serviceType } from '@legal/domain';

/** `kind` of the mediation term in reported deadlines. */
export const MEDIATION_TERM_KIND = 'mediation-term';

export interface TermExtensionInput {
  days: number;
  reason: string;
  at: string;
}

export interface MediationTerm {
  dueAt: Date;
  explanation: string;
  computation: DeadlineComputation;
}

/** The statutory period from the service catalogue: settle within 30 calendar days of accepting. */
export function mediationTermRule(): ServiceDeadline {
  const rule = serviceType('mediation').deadlines.find((d) => d.milestone === 'settled');
  if (!rule) throw new Error('the service catalogue names no settlement period for mediation');
  return rule;
}

/**
 * The term from the acceptance: the catalogue's period (30 calendar days, start day not counted, a
 * last day off work moving to the next working day) plus every extension, each with its reason.
 */
export function computeMediationTerm(acceptedAt: Date, extensions: readonly TermExtensionInput[]): MediationTerm {
  const rule = mediationTermRule();
  const extra = extensions.reduce((sum, e) => sum + e.days, 0);
  const computation = computeDeadline(rule.rule, acceptedAt, rule.n + extra);
  const extensionText =
    extensions.length === 0
      ? ''
      : ` Term of ${rule.n} days extended by ${extra} day(s): ${extensions.map((e) => `+${e.days} on ${e.at.slice(0, 10)} (${e.reason})`).join('; ')}.`;
  return {
    dueAt: computation.dueAt,
    explanation: `${rule.basis}. ${computation.explanation}${extensionText}`,
    computation,
  };
}

/** The term as the contracts' Deadline shape; `closedAt` makes it met or breached. */
export function termDeadline(term: { dueAt: Date; explanation: string }, closedAt?: Date | null): Deadline {
  const status = !closedAt ? 'running' : closedAt.getTime() <= term.dueAt.getTime() ? 'met' : 'breached';
  return {
    kind: MEDIATION_TERM_KIND,
    dueAt: term.dueAt.toISOString(),
    rule: mediationTermRule().rule,
    explanation: term.explanation.slice(0, 2000),
    status,
  };
}
