import { migrationCommandFromArgv, runMigrationCommand } from '@legal/service-kit';
import { workOrderService } from './work-order.definition';

runMigrationCommand(workOrderService, migrationCommandFromArgv(process.argv)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`work-order: migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
