import { PlatformIntake1764305000000 } from './1764305000000-platform-intake';
import { WorkOrderView1764305000001 } from './1764305000001-work-order-view';
import { WorkOrderViewAccessCode1764860000001 } from './1764860000001-work-order-view-access-code';

/** Spread before a platform service's own migrations (TypeORM runs every pending one, oldest timestamp first). */
export const platformKitMigrations = [
  PlatformIntake1764305000000,
  WorkOrderView1764305000001,
  WorkOrderViewAccessCode1764860000001,
];
