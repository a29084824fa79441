import type { Static, TSchema } from '@sinclair/typebox';

/**
 * The payload type of an event definition. (`EventData<typeof X>` from @legal/contracts does not
 * type-check for definitions with `partnerFields`, whose key type makes them invariant.)
 */
export type PayloadOf<D extends { schema: TSchema }> = Static<D['schema']>;
