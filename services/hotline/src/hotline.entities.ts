import { platformKitEntities } from '@legal/platform-kit';
import { CallbackTask } from './callbacks/entities/callback-task.entity';
import { HotlineCall } from './calls/entities/hotline-call.entity';
import { PhoneEvaluation } from './evaluations/entities/phone-evaluation.entity';
import { RosterShift } from './roster/entities/roster-shift.entity';

/** Every entity of the hotline schema: the platform kit's (intakes, read model) and the hotline's own. */
export const hotlineEntities = [...platformKitEntities, HotlineCall, CallbackTask, RosterShift, PhoneEvaluation];
