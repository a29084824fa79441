import { AsyncLocalStorage } from 'node:async_hooks';

interface ConsumptionContext {
  eventId: string;
}

const storage = new AsyncLocalStorage<ConsumptionContext>();

/** Runs a handler with the id of the event it consumes in scope (events it publishes name it as their cause). */
export function runWithConsumedEvent<T>(eventId: string, fn: () => T): T {
  return storage.run({ eventId }, fn);
}

/** The id of the event whose handler is running, if any: the default `causationid` of events it publishes. */
export function currentConsumedEventId(): string | undefined {
  return storage.getStore()?.eventId;
}
