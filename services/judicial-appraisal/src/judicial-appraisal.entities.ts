import { Offer } from '@legal/handler-kit';
import { Entrustment } from './entrustments/entities/entrustment.entity';
import { EntrustmentHistory } from './history/entities/entrustment-history.entity';
import { AppraisalInstitution } from './institutions/entities/appraisal-institution.entity';
import { Appraiser } from './institutions/entities/appraiser.entity';
import { AppraisalOpinion } from './opinions/entities/appraisal-opinion.entity';
import { OpinionCounter } from './opinions/entities/opinion-counter.entity';
import { PartnerEntrustment } from './partner/entities/partner-entrustment.entity';

/** Every table of the judicial_appraisal schema (the offer table is the handler kit's). */
export const JudicialAppraisalEntities = [
  Offer,
  AppraisalInstitution,
  Appraiser,
  Entrustment,
  EntrustmentHistory,
  AppraisalOpinion,
  OpinionCounter,
  PartnerEntrustment,
];
