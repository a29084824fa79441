import type { ServiceType, Urgency } from '@legal/contracts';
import type { AttachmentMetadata, SubmissionKind } from './entities/portal-submission.entity';

/** A validated submission from any portal channel (web form, complaint, Open311), before it is stored. */
export interface NewSubmission {
  kind: SubmissionKind;
  serviceType?: ServiceType;
  regionCode: string;
  description: string;
  attachments?: AttachmentMetadata[];
  relatedCaseCode?: string;
  contact: { name?: string; phone?: string; idCardNumber?: string; address?: string; email?: string };
  latitude?: number;
  longitude?: number;
  language: string;
  urgency: Urgency;
  vulnerableGroup?: boolean;
  legalDeadlineAt?: string;
  submittedBy: { userId?: string; role: string };
  citizenUserId?: string;
  /** The phone the signed-in citizen's account verified (token claim): lets work-order attach the account to an existing case of that phone. */
  citizenVerifiedPhone?: string;
}

export interface SubmissionAccepted {
  intakeId: string;
  submissionId: string;
  status: 'submitted';
  statusUrl: string;
  /** The citizen's tracking secret, shown this once. */
  accessCode: string;
}

/** Drops undefined members, so event payloads carry only what was given. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
