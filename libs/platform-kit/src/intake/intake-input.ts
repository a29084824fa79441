import type { EventData, IntakeSubmitted } from '@legal/contracts';
import type { IntakeStatus, PlatformIntake } from './platform-intake.entity';

/** What a platform supplies: the IntakeSubmitted payload minus what the kit generates (ids, time, access code). */
export type IntakeInput = Omit<
  EventData<typeof IntakeSubmitted>,
  'intakeId' | 'platform' | 'submittedAt' | 'accessCodeHash'
>;

/** A just-submitted intake with the access code to hand to the citizen (returned once, never stored in clear). */
export type SubmittedIntake = PlatformIntake & { accessCode: string };

/** The outcome of an intake as a platform shows it to its caller. */
export interface IntakeStatusView {
  intakeId: string;
  status: IntakeStatus;
  caseCode?: string;
  workOrderId?: string;
  rejectionReasons?: string[];
  possiblyRelatedCaseCodes: string[];
  submittedAt: string;
  outcomeAt?: string;
  /** Only in the answer to the submission itself: the citizen's tracking secret, to be told to them once. */
  accessCode?: string;
  /** Set when the intake was linked to an existing work order the viewer may not see (its code is withheld). */
  note?: string;
}
