import { Keyring, TransitSealer } from '@legal/privacy';
import { SERVICE_NAMES, ServiceName } from './services';

export type PerServiceEnv = Partial<Record<ServiceName, Record<string, string>>>;

/**
 * Production mode refuses the development personal-data keys: fresh ones for this run, for every service
 * (what `pii-keys compose-env` prints for compose). Every bench gets them through the harness.
 */
export function personalDataKeys(): PerServiceEnv {
  const pairs = SERVICE_NAMES.map((service) => [service, TransitSealer.generateKeyPair('bench')] as const);
  const directory = JSON.stringify(Object.fromEntries(pairs.map(([service, pair]) => [service, pair.publicEntry])));
  return Object.fromEntries(
    pairs.map(([service, pair]) => [
      service,
      {
        PII_KEYRING: Keyring.generateEntry('bench'),
        PII_TRANSIT_KEYS: pair.privateEntry,
        PII_TRANSIT_DIRECTORY: directory,
      },
    ]),
  );
}

/** The run's keys under the bench's own variables (a bench's value wins). */
export function withPersonalDataKeys(extra: PerServiceEnv | undefined): PerServiceEnv {
  const keys = personalDataKeys();
  const merged: PerServiceEnv = {};
  for (const service of SERVICE_NAMES) merged[service] = { ...keys[service], ...extra?.[service] };
  return merged;
}
