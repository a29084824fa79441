import { execFileSync } from 'node:child_process';

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

/**
 * Best effort: which local process listens on the first broker's port and since when, so a run can
 * tell whether the broker was restarted under it (the tests' fault suite does that on this machine).
 * Undefined when the broker is not local or `ss`/`ps` are unavailable.
 */
export function localBrokerStart(brokers: string = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'): string | undefined {
  const port = /:(\d+)$/.exec(brokers.split(',')[0] ?? '')?.[1];
  if (!port) return undefined;
  const pid = /pid=(\d+)/.exec(run('ss', ['-ltnpH', `sport = :${port}`]))?.[1];
  if (!pid) return undefined;
  const started = run('ps', ['-o', 'lstart=', '-p', pid]).trim();
  return `pid ${pid} since ${started}`;
}
