/** The steps mediation reports to work-order (Progressed.step) as a case moves on. */
export type ProgressStep =
  | 'committee-assigned'
  | 'session-scheduled'
  | 'session-held'
  | 'term-extended'
  | 'judicial-confirmation-requested'
  | 'judicial-confirmation-decided'
  | 'deadline-recomputed';

/** How a mediation ends (Resolved.outcome). */
export type MediationOutcome = 'agreement-reached' | 'mediation-failed' | 'withdrawn';
