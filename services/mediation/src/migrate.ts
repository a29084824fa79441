import { migrationCommandFromArgv, runMigrationCommand } from '@legal/service-kit';
import { mediationService } from './mediation.definition';

runMigrationCommand(mediationService, migrationCommandFromArgv(process.argv)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`mediation: migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
