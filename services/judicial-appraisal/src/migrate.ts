import { migrationCommandFromArgv, runMigrationCommand } from '@legal/service-kit';
import { judicialAppraisalService } from './judicial-appraisal.definition';

runMigrationCommand(judicialAppraisalService, migrationCommandFromArgv(process.argv)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`judicial-appraisal: migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
