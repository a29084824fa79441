import { migrationCommandFromArgv, runMigrationCommand } from '@legal/service-kit';
import { centreService } from './centre.definition';

runMigrationCommand(centreService, migrationCommandFromArgv(process.argv)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`centre: migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
