import type { ServiceType } from '@legal/contracts';
import { DeadlineRule, isServiceTypeCode, ServiceDeadline, serviceType } from '@legal/domain';

/** The moments that start a clock. */
export type ClockStart = ServiceDeadline['startsAt'] | 'callback-promised' | 'complaint-received';

export interface DeadlineSpec {
  kind: string;
  rule: DeadlineRule;
  units: number;
  startsAt: ClockStart;
  basis: string;
  /** Progress steps (Progressed.step) that meet the deadline; Resolved meets every deadline. */
  metBySteps: string[];
}

const KIND_BY_MILESTONE: Record<ServiceDeadline['milestone'], string> = {
  decision: 'decision',
  'lawyer-appointed': 'lawyer-appointment',
  'certificate-issued': 'certificate',
  settled: 'term',
};

const STEPS_BY_MILESTONE: Record<ServiceDeadline['milestone'], string[]> = {
  decision: ['eligibility-decided', 'aid-granted', 'aid-denied'],
  'lawyer-appointed': ['lawyer-appointed'],
  'certificate-issued': ['certificate-issued'],
  settled: ['agreement-reached', 'mediation-failed'],
};

/** Deadline kind as events name it: legal-aid-decision, lawyer-appointment, notarization-certificate, mediation-term ... */
function kindOf(type: ServiceType, milestone: ServiceDeadline['milestone']): string {
  if (milestone === 'lawyer-appointed')
    return type === 'notified-defence' ? 'defence-appointment' : 'lawyer-appointment';
  return `${type}-${KIND_BY_MILESTONE[milestone]}`;
}

/**
 * Service standards of this system (not statute): an unanswered hotline consultation gets a callback
 * within 2 working days; a complaint is answered within 15 working days.
 */
const SERVICE_STANDARDS: Partial<Record<ServiceType, DeadlineSpec[]>> = {
  'legal-consultation': [
    {
      kind: 'callback',
      rule: 'working-days',
      units: 2,
      startsAt: 'callback-promised',
      basis: 'hotline service standard: callback within 2 working days',
      metBySteps: ['callback-made'],
    },
  ],
  complaint: [
    {
      kind: 'complaint-reply',
      rule: 'working-days',
      units: 15,
      startsAt: 'complaint-received',
      basis: 'complaint handling standard: reply within 15 working days',
      metBySteps: ['complaint-answered'],
    },
  ],
};

/** Every deadline a service type carries: the statutory ones from the service catalogue plus service standards. */
export function deadlineSpecs(type: ServiceType): DeadlineSpec[] {
  const statutory: DeadlineSpec[] = isServiceTypeCode(type)
    ? serviceType(type).deadlines.map((d) => ({
        kind: kindOf(type, d.milestone),
        rule: d.rule,
        units: d.n,
        startsAt: d.startsAt,
        basis: d.basis,
        metBySteps: STEPS_BY_MILESTONE[d.milestone],
      }))
    : [];
  return [...statutory, ...(SERVICE_STANDARDS[type] ?? [])];
}

/** Clocks that start when the work order is registered (application or notice received, complaint or callback). */
export const STARTS_ON_REGISTRATION: readonly ClockStart[] = [
  'application-received',
  'notice-received',
  'callback-promised',
  'complaint-received',
];

/** Progress steps that start a clock (granting aid starts the lawyer-appointment period). */
export const STARTS_ON_STEP: Readonly<Record<string, ClockStart>> = {
  'aid-granted': 'aid-granted',
  'eligibility-decided': 'aid-granted',
};
