import type { Static, TSchema } from '@sinclair/typebox';

/**
 * Payload type of a concrete event definition. (`EventData` of @legal/contracts constrains its
 * argument to `EventDefinition<TObject>`, which a concrete definition does not satisfy under strict
 * variance; this alias asks only for the schema.)
 */
export type Payload<D extends { schema: TSchema }> = Static<D['schema']>;
