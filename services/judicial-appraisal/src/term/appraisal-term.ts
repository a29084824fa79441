import type { Deadline } from '@legal/contracts';
import { addWorkingDays, applyDeadlinePause, DeadlineComputation, shanghaiDateOf } from '@legal/domain';

/**
 * The appraisal term (鉴定时限), pure: 30 working days from the entrustment agreement (《司法鉴定程序通则》
 * 2016 art. 28), extended at most once by at most 30 working days with the institution head's approval,
 * the time waiting for supplementary materials (补充材料) not counted (art. 29): each finished pause moves the
 * deadline by the working days it consumed (the shared legal calendar's `applyDeadlinePause`).
 */

export const APPRAISAL_TERM_KIND = 'judicial-appraisal-term';
export const APPRAISAL_TERM_WORKING_DAYS = 30;
export const MAX_EXTENSION_WORKING_DAYS = 30;
const TERM_BASIS = '《司法鉴定程序通则》(2016) art. 28: 30 working days from the entrustment agreement';
const PAUSE_BASIS = 'art. 29: time for supplementary materials not counted';

export interface TermPause {
  pausedAt: string;
  /** Absent while the clock is paused. */
  resumedAt?: string;
  reason: string;
}

export interface TermExtension {
  workingDays: number;
  reason: string;
  /** Subject of the institution head who approved it. */
  approvedBy: string;
  at: string;
}

export interface TermState {
  agreementAt: Date;
  pauses: readonly TermPause[];
  extension: TermExtension | null;
}

export interface AppraisalTerm {
  /** The due instant; while paused, the one that held when the pause began (it moves on resume). */
  dueAt: Date;
  paused: boolean;
  computation: DeadlineComputation;
  explanation: string;
}

/** The term from its stored facts; deterministic (the same facts always give the same date). */
export function computeAppraisalTerm(state: TermState): AppraisalTerm {
  const extra = state.extension?.workingDays ?? 0;
  const base = addWorkingDays(state.agreementAt, APPRAISAL_TERM_WORKING_DAYS + extra);
  const finished = state.pauses.filter((p): p is Required<TermPause> => p.resumedAt !== undefined);
  const computation = finished.reduce(
    (c, p) => applyDeadlinePause(c, { pausedAt: new Date(p.pausedAt), resumedAt: new Date(p.resumedAt) }),
    base,
  );
  const open = state.pauses.find((p) => p.resumedAt === undefined);
  const parts = [`${TERM_BASIS}.`];
  if (state.extension) {
    const e = state.extension;
    parts.push(
      `Extended once by ${e.workingDays} working day(s) with the institution head's approval (${e.approvedBy}, ` +
        `${e.at.slice(0, 10)}: ${e.reason}), ${APPRAISAL_TERM_WORKING_DAYS + e.workingDays} working days in all.`,
    );
  }
  if (finished.length > 0) {
    parts.push(`Supplementary materials (${PAUSE_BASIS}): ${finished.map((p) => p.reason).join('; ')}.`);
  }
  parts.push(computation.explanation);
  if (open) {
    parts.push(
      `Paused since ${open.pausedAt} waiting for supplementary materials (${open.reason}); the due date moves by the ` +
        'working days paused when the materials arrive.',
    );
  }
  return { dueAt: computation.dueAt, paused: open !== undefined, computation, explanation: parts.join(' ') };
}

export type TermRefusal = { refused: string; status: 400 | 409; reason: string };

/** Extension request: at most once (a second is a conflict), at most 30 working days, before the term ran out. */
export function decideExtension(
  state: TermState,
  request: { workingDays: number; reason: string; approvedBy: string },
  at: Date,
): { extension: TermExtension } | TermRefusal {
  if (state.extension) {
    return {
      refused: 'extension-already-granted',
      status: 409,
      reason:
        `the term was already extended once (${state.extension.workingDays} working days on ` +
        `${state.extension.at.slice(0, 10)}); art. 28 allows one extension`,
    };
  }
  const days = request.workingDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_WORKING_DAYS) {
    return {
      refused: 'extension-too-long',
      status: 400,
      reason: `an extension is 1..${MAX_EXTENSION_WORKING_DAYS} working days`,
    };
  }
  const term = computeAppraisalTerm(state);
  if (!term.paused && at.getTime() > term.dueAt.getTime()) {
    return {
      refused: 'term-expired',
      status: 409,
      reason: `the term ran out at ${term.dueAt.toISOString()}; extend before it does`,
    };
  }
  return {
    extension: { workingDays: days, reason: request.reason, approvedBy: request.approvedBy, at: at.toISOString() },
  };
}

/**
 * Pausing for supplementary materials at `pausedAt` (not in the future, not before the agreement or the
 * last resume, not after the term ran out, not twice at once).
 */
export function decidePause(
  state: TermState,
  pausedAt: Date,
  reason: string,
  now: Date,
): { pause: TermPause } | TermRefusal {
  if (state.pauses.some((p) => p.resumedAt === undefined)) {
    return {
      refused: 'already-paused',
      status: 409,
      reason: 'the clock is already paused for supplementary materials',
    };
  }
  if (pausedAt.getTime() > now.getTime()) {
    return {
      refused: 'future',
      status: 400,
      reason: 'a pause cannot start in the future',
    };
  }
  const lastResume = state.pauses
    .filter((p) => p.resumedAt !== undefined)
    .reduce((latest, p) => Math.max(latest, Date.parse(p.resumedAt ?? '')), state.agreementAt.getTime());
  if (pausedAt.getTime() < lastResume) {
    return {
      refused: 'before-running',
      status: 400,
      reason: `a pause starts after the agreement and after the last resume (${new Date(lastResume).toISOString()})`,
    };
  }
  const term = computeAppraisalTerm(state);
  if (pausedAt.getTime() > term.dueAt.getTime()) {
    return { refused: 'term-expired', status: 409, reason: `the term ran out at ${term.dueAt.toISOString()}` };
  }
  return { pause: { pausedAt: pausedAt.toISOString(), reason } };
}

/** Resuming when the materials arrived at `resumedAt` (not before the pause, not in the future). */
export function decideResume(state: TermState, resumedAt: Date, now: Date): { pauses: TermPause[] } | TermRefusal {
  const index = state.pauses.findIndex((p) => p.resumedAt === undefined);
  const open = state.pauses[index];
  if (!open) return { refused: 'not-paused', status: 409, reason: 'the clock is not paused' };
  if (resumedAt.getTime() > now.getTime()) {
    return {
      refused: 'future',
      status: 400,
      reason: 'materials cannot arrive in the future',
    };
  }
  if (resumedAt.getTime() < Date.parse(open.pausedAt)) {
    return { refused: 'before-pause', status: 400, reason: `the clock was paused at ${open.pausedAt}` };
  }
  const pauses = state.pauses.map((p, i) => (i === index ? { ...p, resumedAt: resumedAt.toISOString() } : { ...p }));
  return { pauses };
}

/** Working days a finished pause consumed, for the history line ("2026-11-11..2026-11-17: 5 working days"). */
export function describeResume(before: AppraisalTerm, after: AppraisalTerm): string {
  const consumed = after.computation.pauses.at(-1)?.consumed ?? 0;
  const moved = `${shanghaiDateOf(before.dueAt)} → ${shanghaiDateOf(after.dueAt)}`;
  return `clock resumed: ${consumed} working day(s) not counted, due ${moved}`;
}

/** The term as the contracts' Deadline shape; `closedAt` (the opinion issued) makes it met or breached. */
export function termDeadline(term: AppraisalTerm, closedAt?: Date | null): Deadline {
  const open = term.paused ? 'paused' : 'running';
  const status = !closedAt ? open : closedAt.getTime() <= term.dueAt.getTime() ? 'met' : 'breached';
  return {
    kind: APPRAISAL_TERM_KIND,
    dueAt: term.dueAt.toISOString(),
    rule: 'working-days',
    explanation: term.explanation.slice(0, 2000),
    status,
  };
}
