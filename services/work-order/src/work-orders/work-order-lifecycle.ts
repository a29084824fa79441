import type { WorkOrderStatus } from '@legal/contracts';
import { ConflictError } from '@legal/http';

/**
 * The legal transitions of a work order. Anything else is refused with 409 and changes nothing.
 * `offered → offered` is a move to the next candidate (expiry, rejection, reassignment).
 */
export const TRANSITIONS: Readonly<Record<WorkOrderStatus, readonly WorkOrderStatus[]>> = {
  received: ['triage', 'offered', 'closed', 'cancelled', 'merged', 'supervisor-queue'],
  triage: ['offered', 'cancelled', 'merged', 'supervisor-queue', 'rejected'],
  offered: ['offered', 'accepted', 'supervisor-queue', 'cancelled', 'merged'],
  accepted: ['in-progress', 'waiting-applicant', 'resolved', 'offered', 'supervisor-queue', 'cancelled'],
  'in-progress': ['waiting-applicant', 'resolved', 'offered', 'supervisor-queue', 'cancelled'],
  'waiting-applicant': ['in-progress', 'resolved', 'offered', 'supervisor-queue', 'cancelled'],
  resolved: ['closed', 'reopened'],
  reopened: ['offered', 'supervisor-queue', 'cancelled'],
  'supervisor-queue': ['offered', 'cancelled', 'closed', 'rejected'],
  closed: [],
  rejected: [],
  cancelled: [],
  merged: [],
};

/** Statuses in which a matter is still being dealt with: a new intake of the same person and type links to it. */
export const OPEN_STATUSES: readonly WorkOrderStatus[] = [
  'received',
  'triage',
  'offered',
  'accepted',
  'in-progress',
  'waiting-applicant',
  'reopened',
  'supervisor-queue',
];

/** Statuses that count towards an organisation's (and staff member's) load. */
export const LOAD_STATUSES: readonly WorkOrderStatus[] = ['offered', 'accepted', 'in-progress', 'waiting-applicant'];

export const TERMINAL_STATUSES: readonly WorkOrderStatus[] = ['closed', 'rejected', 'cancelled', 'merged'];

export function canTransition(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(caseCode: string, from: WorkOrderStatus, to: WorkOrderStatus): void {
  if (!canTransition(from, to)) {
    throw new ConflictError('illegal-transition', `Work order ${caseCode} is ${from}; it cannot become ${to}`, {
      caseCode,
      from,
      to,
      allowed: TRANSITIONS[from],
    });
  }
}

export function isOpen(status: WorkOrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
