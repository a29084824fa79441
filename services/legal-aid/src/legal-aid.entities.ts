import { ApplicationHistory } from './applications/entities/application-history.entity';
import { Application } from './applications/entities/application.entity';
import { Appointment } from './appointments/entities/appointment.entity';
import { OrganisationCapacity } from './capacity/entities/organisation-capacity.entity';
import { ApplicationDeadline } from './deadlines/entities/application-deadline.entity';
import { DutyLawyerService } from './duty-lawyer/entities/duty-lawyer-service.entity';
import { ExemptCategory } from './hardship/entities/exempt-category.entity';
import { HardshipReview } from './hardship/entities/hardship-review.entity';
import { HardshipThreshold } from './hardship/entities/hardship-threshold.entity';
import { Lawyer } from './lawyers/entities/lawyer.entity';
import { DefenceNoticeRecord } from './notices/entities/defence-notice.entity';
import { Offer } from '@legal/handler-kit';
import { ReturnVisit } from './return-visits/entities/return-visit.entity';

/** Every table of the legal_aid schema (the outbox and inbox are added by the service kit). */
export const LegalAidEntities = [
  Offer,
  Application,
  ApplicationHistory,
  ApplicationDeadline,
  HardshipThreshold,
  ExemptCategory,
  HardshipReview,
  Lawyer,
  Appointment,
  DefenceNoticeRecord,
  ReturnVisit,
  DutyLawyerService,
  OrganisationCapacity,
];
