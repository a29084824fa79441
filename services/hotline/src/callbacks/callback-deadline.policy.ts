import { addHours, addWorkingDays } from '@legal/domain';
import type { DeadlineComputation } from '@legal/domain';
import type { CallbackReason } from './entities/callback-task.entity';

/**
 * How long the hotline has for each kind of callback. Asking for missing information and asking for
 * an evaluation are office work: 2 working days (holidays and 调休 from the official calendar). A
 * missed deadline is a complaint in the making: the citizen hears from 12348 (7x24) within 24 hours.
 */
export function callbackDeadline(reason: CallbackReason, raisedAt: Date): DeadlineComputation {
  switch (reason) {
    case 'needs-information':
    case 'evaluation-due':
      return addWorkingDays(raisedAt, 2);
    case 'deadline-overdue':
      return addHours(raisedAt, 24);
  }
}

/** Whether a work order in `status` still needs a callback raised for `reason`. */
export function reasonStillApplies(reason: CallbackReason, status: string): boolean {
  switch (reason) {
    case 'needs-information':
      return status === 'waiting-applicant';
    case 'evaluation-due':
      return status === 'resolved';
    case 'deadline-overdue':
      return !['resolved', 'closed', 'cancelled', 'merged', 'rejected'].includes(status);
  }
}

/** The reason a work-order status raises a callback for, if any. */
export function reasonForStatus(status: string): CallbackReason | undefined {
  if (status === 'waiting-applicant') return 'needs-information';
  if (status === 'resolved') return 'evaluation-due';
  return undefined;
}
