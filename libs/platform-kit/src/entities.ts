import { PlatformIntake } from './intake/platform-intake.entity';
import { WorkOrderView } from './work-order-view/work-order-view.entity';

/** Spread into a platform service's `persistence.entities`. */
export const platformKitEntities = [PlatformIntake, WorkOrderView];
