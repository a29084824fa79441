import type { IntakeSubmitted } from '@legal/contracts';
import type { PayloadOf } from '../payload';
import type { IntakeStatus } from './platform-intake.entity';

/** What a platform supplies: the IntakeSubmitted payload minus what the kit generates. */
export type IntakeInput = Omit<PayloadOf<typeof IntakeSubmitted>, 'intakeId' | 'platform' | 'submittedAt'>;

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
}
