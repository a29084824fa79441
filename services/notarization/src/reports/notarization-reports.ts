/** The steps notarization reports to work-order (Progressed.step) as an application moves on. */
export type ProgressStep = 'application-accepted' | 'materials-complete' | 'under-review' | 'deadline-recomputed';

/** How a notarization ends (Resolved.outcome). */
export type NotarizationOutcome = 'certificate-issued' | 'refused';
