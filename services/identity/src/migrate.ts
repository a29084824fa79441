import { migrationCommandFromArgv, runMigrationCommand } from '@legal/service-kit';
import { identityService } from './identity.definition';

runMigrationCommand(identityService, migrationCommandFromArgv(process.argv)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`identity: migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
