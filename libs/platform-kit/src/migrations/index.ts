import { PlatformIntake1764305000000 } from './1764305000000-platform-intake';
import { WorkOrderView1764305000001 } from './1764305000001-work-order-view';

/** Spread before a platform service's own migrations (they are timestamped after these). */
export const platformKitMigrations = [PlatformIntake1764305000000, WorkOrderView1764305000001];
