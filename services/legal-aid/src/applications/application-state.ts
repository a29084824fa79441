import { ConflictError } from '@legal/http';

export const APPLICATION_KINDS = ['work-order', 'notified-defence'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/**
 * received           registered, 7-day decision clock running, hardship review pending
 * awaiting-materials the applicant was told every missing item at once; the decision clock is paused
 * reviewed           hardship review recorded, decision pending
 * provided-first     urgent: lawyer appointed before the decision (先行提供); review and decision still due
 * granted            aid granted, 3-day appointment clock running
 * appointed          lawyer appointed, case in progress
 * denied             aid denied with a reason (final)
 * closed             case closed with an outcome, return visit due (final)
 */
export const APPLICATION_STATES = [
  'received',
  'awaiting-materials',
  'reviewed',
  'provided-first',
  'granted',
  'appointed',
  'denied',
  'closed',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const DECISION_VALUES = ['grant', 'deny'] as const;
export type DecisionValue = (typeof DECISION_VALUES)[number];

export type WorkflowAction =
  'request-materials' | 'receive-materials' | 'review' | 'override-review' | 'decide' | 'appoint' | 'close';

export interface WorkflowFacts {
  state: ApplicationState;
  urgent: boolean;
  decision: DecisionValue | null;
  lawyerId: string | null;
  reviewed: boolean;
}

/** Why an action is not allowed now (a stable problem code and a sentence), or undefined when it is. */
export function refusal(action: WorkflowAction, facts: WorkflowFacts): { code: string; message: string } | undefined {
  const { state } = facts;
  const final = state === 'denied' || state === 'closed';
  if (final)
    return { code: 'application-finished', message: `The application is ${state}; no further steps are possible` };
  switch (action) {
    case 'request-materials':
      return ['received', 'reviewed', 'provided-first'].includes(state) && facts.decision === null
        ? undefined
        : {
            code: 'materials-not-requestable',
            message: `Materials can only be requested before the decision (state is ${state})`,
          };
    case 'receive-materials':
      return state === 'awaiting-materials'
        ? undefined
        : { code: 'no-materials-requested', message: 'No materials are outstanding for this application' };
    case 'review':
      if (facts.reviewed)
        return {
          code: 'already-reviewed',
          message: 'The hardship review is already recorded; an officer may override its result with a reason',
        };
      return state === 'received' || state === 'provided-first'
        ? undefined
        : { code: 'review-not-possible', message: `The hardship review cannot be recorded in state ${state}` };
    case 'override-review':
      if (!facts.reviewed) return { code: 'review-required', message: 'There is no hardship review to override yet' };
      return facts.decision === null && (state === 'reviewed' || state === 'provided-first')
        ? undefined
        : { code: 'already-decided', message: 'The review result cannot be overridden after the decision' };
    case 'decide':
      if (facts.decision !== null)
        return { code: 'already-decided', message: `The application was already decided (${facts.decision})` };
      if (state === 'awaiting-materials')
        return { code: 'awaiting-materials', message: 'Materials requested from the applicant are still outstanding' };
      if (!facts.reviewed) return { code: 'review-required', message: 'Record the hardship review before deciding' };
      return state === 'reviewed' || state === 'provided-first'
        ? undefined
        : { code: 'decision-not-possible', message: `No decision is possible in state ${state}` };
    case 'appoint':
      if (facts.lawyerId !== null) return { code: 'already-appointed', message: 'A lawyer is already appointed' };
      if (state === 'granted') return undefined;
      if (facts.urgent && (state === 'received' || state === 'reviewed')) return undefined;
      return {
        code: 'appointment-before-grant',
        message: `A lawyer can only be appointed once aid is granted (state is ${state}); only urgent cases are provided first`,
      };
    case 'close':
      return state === 'appointed' && facts.decision === 'grant'
        ? undefined
        : {
            code: 'closure-not-possible',
            message: `Only a granted application with an appointed lawyer can be closed (state is ${state})`,
          };
  }
}

export function assertAllowed(action: WorkflowAction, facts: WorkflowFacts): void {
  const refused = refusal(action, facts);
  if (refused) throw new ConflictError(refused.code, refused.message, { state: facts.state });
}

/** State after a successful action. */
export function nextState(action: WorkflowAction, facts: WorkflowFacts, decision?: DecisionValue): ApplicationState {
  switch (action) {
    case 'request-materials':
      return 'awaiting-materials';
    case 'receive-materials':
    case 'override-review':
      return facts.state;
    case 'review':
      return facts.state === 'received' ? 'reviewed' : facts.state;
    case 'decide':
      if (decision === 'deny') return 'denied';
      return facts.state === 'provided-first' ? 'appointed' : 'granted';
    case 'appoint':
      return facts.state === 'granted' ? 'appointed' : 'provided-first';
    case 'close':
      return 'closed';
  }
}
