import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { BaseEnv } from '@legal/config';
import { dropSchema } from '@legal/persistence';
import { RunningService, ServiceDefinition, startService } from '@legal/service-kit';
import { isolatedOverrides } from '@legal/testing';
import { ALL_SERVICES } from '../../service-definitions';

/**
 * Every service definition: one per entry of the service registry (test/service-definitions.ts). The security
 * tests check this list against services/<name>/src/<name>.definition.ts on disk.
 */
export const SECURITY_TESTED_SERVICES: ServiceDefinition<BaseEnv>[] = ALL_SERVICES;

/** Names of the services that have a definition file on disk. */
export function serviceFoldersWithDefinitions(): string[] {
  const root = path.join(__dirname, '..', '..', '..', 'services');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .filter((d) => readdirSync(path.join(root, d.name, 'src')).some((f) => f.endsWith('.definition.ts')))
    .map((d) => d.name)
    .sort();
}

export interface RunningFleet {
  services: { definition: ServiceDefinition<BaseEnv>; running: RunningService }[];
  stop: () => Promise<void>;
}

/** Starts every service in this process (one after the other, to be gentle on shared CPUs). */
export async function startAllServices(tag: string, extra: Record<string, unknown>): Promise<RunningFleet> {
  const services: RunningFleet['services'] = [];
  const stop = async (): Promise<void> => {
    for (const { running } of services.reverse()) {
      await running.stop().catch(() => undefined);
      await dropSchema(running.env.DATABASE_URL, running.env.DB_SCHEMA).catch(() => undefined);
    }
  };
  try {
    for (const definition of SECURITY_TESTED_SERVICES) {
      const schemaLabel = definition.name.replace(/[^a-z0-9]/g, '');
      // The portal's agency lookup proxies to the work-order service of the same fleet (started first).
      const workOrder = services.find((s) => s.definition.name === 'work-order');
      const wiring = definition.name === 'portal' && workOrder ? { WORK_ORDER_URL: workOrder.running.url } : {};
      const running = await startService(
        definition,
        isolatedOverrides(tag, schemaLabel, { DB_POOL_SIZE: 3, ...wiring, ...extra }),
      );
      services.push({ definition, running });
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { services, stop };
}
