import { platformKitEntities } from '@legal/platform-kit';
import { QueueCounterSequence } from './queue/entities/queue-counter-sequence.entity';
import { QueueTicket } from './queue/entities/queue-ticket.entity';
import { Referral } from './referrals/entities/referral.entity';
import { WalkInVisit } from './walk-ins/entities/walk-in-visit.entity';

/** Every entity of the centre schema: the platform kit's (intakes, read model) and the centre's own. */
export const centreEntities = [...platformKitEntities, WalkInVisit, QueueTicket, QueueCounterSequence, Referral];
