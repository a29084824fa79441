import { migrationCommandFromArgv, runMigrationCommand } from '@legal/service-kit';
import { portalService } from './portal.definition';

runMigrationCommand(portalService, migrationCommandFromArgv(process.argv)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`portal: migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
