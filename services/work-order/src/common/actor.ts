import type { Platform } from '@legal/contracts';

/** Who did something: a person (role + id), a handler service, or the system itself. */
export interface Actor {
  role: string;
  id?: string;
  platform?: Platform;
}

export const SYSTEM_ACTOR: Actor = { role: 'system', id: 'work-order' };

/** Correlation of what is written with what caused it (incoming event or HTTP request). */
export interface Trace {
  correlationId?: string;
  causationId?: string;
}
