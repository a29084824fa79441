import type { DynamicModule, Type } from '@nestjs/common';
import type { EntitySchema, MixedList } from 'typeorm';
import type { BaseEnv } from '@legal/config';

/**
 * What a service tells the kit about itself. `main.ts` hands this to `bootstrapService`; tests
 * hand it to `startService` with overrides (random port, isolated schema and topic prefix).
 */
export interface ServiceDefinition<E extends BaseEnv = BaseEnv> {
  /** kebab-case name: log field, Kafka client id, metrics label. */
  name: string;
  title: string;
  description: string;
  envClass: new () => E;
  /** Per-service defaults, e.g. `{ PORT: 3004, DB_SCHEMA: 'legal_aid' }`. */
  defaults: Partial<Record<keyof E, unknown>>;
  /** TypeORM entities and committed migrations of the service's own schema. */
  persistence: {
    // TypeORM's option types use Function for class lists.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    entities: MixedList<Function | string | EntitySchema>;
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    migrations: MixedList<Function | string>;
  };
  /** The service's domain module, built from the validated configuration. */
  rootModule: (env: E) => DynamicModule | Type<unknown>;
}
