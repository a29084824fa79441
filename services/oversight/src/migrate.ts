import { migrationCommandFromArgv, runMigrationCommand } from '@legal/service-kit';
import { oversightService } from './oversight.definition';

runMigrationCommand(oversightService, migrationCommandFromArgv(process.argv)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`oversight: migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
