import type { EventDefinition } from '@legal/contracts';

/**
 * Any concrete event definition (`IntakeSubmitted`, ...). `EventDefinition<S>` is invariant in S
 * (S appears in `example` and, under `keyof`, in `partnerFields`), so a concrete definition is not
 * assignable to the bare `EventDefinition`; `any` is the only argument that accepts them all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEventDefinition = EventDefinition<any>;
