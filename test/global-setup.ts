import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Integration and end-to-end specs need the real servers. `npm test` already runs
 * `deploy/local/infra.sh up`; running it again here is cheap (it is idempotent) and lets a
 * developer call `npx jest some.int-spec.ts` directly.
 */
export default function globalSetup(): void {
  if (process.env.SKIP_INFRA_UP === '1') return;
  execFileSync('bash', [path.join(__dirname, '..', 'deploy', 'local', 'infra.sh'), 'up'], {
    stdio: 'inherit',
  });
}
