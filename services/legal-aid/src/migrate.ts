import { migrationCommandFromArgv, runMigrationCommand } from '@legal/service-kit';
import { legalAidService } from './legal-aid.definition';

runMigrationCommand(legalAidService, migrationCommandFromArgv(process.argv)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`legal-aid: migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
