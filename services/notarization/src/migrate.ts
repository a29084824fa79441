import { migrationCommandFromArgv, runMigrationCommand } from '@legal/service-kit';
import { notarizationService } from './notarization.definition';

runMigrationCommand(notarizationService, migrationCommandFromArgv(process.argv)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`notarization: migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
