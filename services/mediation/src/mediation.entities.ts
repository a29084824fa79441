import { MediationCase } from './cases/entities/mediation-case.entity';
import { DisputeKeyword } from './classification/entities/dispute-keyword.entity';
import { Committee } from './committees/entities/committee.entity';
import { Mediator } from './committees/entities/mediator.entity';
import { CaseHistory } from './history/entities/case-history.entity';
import { JudicialConfirmation } from './judicial-confirmation/entities/judicial-confirmation.entity';
import { Offer } from '@legal/handler-kit';
import { MediationSession } from './sessions/entities/mediation-session.entity';

/** Every table of the mediation schema. */
export const MediationEntities = [
  Offer,
  Committee,
  Mediator,
  DisputeKeyword,
  MediationCase,
  MediationSession,
  JudicialConfirmation,
  CaseHistory,
];
