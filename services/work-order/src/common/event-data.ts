import type { Static, TSchema } from '@sinclair/typebox';

/**
 * The payload type of an event definition. (`DataOf<typeof X>` from @legal/contracts does not
 * accept concrete definitions because of the variance of `partnerFields`; this reads the schema only.)
 */
export type DataOf<D extends { schema: TSchema }> = Static<D['schema']>;
