import { migrationCommandFromArgv, runMigrationCommand } from '@legal/service-kit';
import { hotlineService } from './hotline.definition';

runMigrationCommand(hotlineService, migrationCommandFromArgv(process.argv)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`hotline: migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
