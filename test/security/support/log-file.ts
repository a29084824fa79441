import { existsSync, statSync } from 'node:fs';
import { waitUntil } from '@legal/testing';

/**
 * Waits until a log file has not grown for 3 s, so relays and consumers have written what they will
 * (at most 30 s: a chatty consumer must not hang the test; the scan then reads what is there).
 */
export async function logFileSettled(file: string): Promise<void> {
  let lastSize = -1;
  let stableSince = Date.now();
  await waitUntil(
    () => {
      const size = existsSync(file) ? statSync(file).size : 0;
      if (size !== lastSize) {
        lastSize = size;
        stableSince = Date.now();
        return false;
      }
      return Date.now() - stableSince >= 3000;
    },
    30_000,
    'the services to stop logging',
    500,
  ).catch(() => undefined);
}
