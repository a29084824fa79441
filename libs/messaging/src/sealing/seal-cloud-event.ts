import { CloudEvent, findEventDefinition } from '@legal/contracts';
import { EventSealing } from './event-sealing';

const development = new Map<string, EventSealing>();

function developmentSealing(service: string): EventSealing {
  let sealing = development.get(service);
  if (!sealing) {
    sealing = EventSealing.development(service);
    development.set(service, sealing);
  }
  return sealing;
}

/**
 * The event as the outbox would write it: personal-data fields sealed for the type's consumers.
 * For code that produces to Kafka without an outbox (test fixtures playing another service or a
 * partner agency, scripts); `sealing` defaults to the development keys.
 */
export async function sealCloudEvent<T>(
  event: CloudEvent<T>,
  sealing: EventSealing = developmentSealing('fixture'),
): Promise<CloudEvent<T>> {
  const definition = findEventDefinition(event.type);
  if (!definition || !EventSealing.hasSealedFields(definition)) return event;
  return { ...event, data: (await sealing.seal(definition, event.data)) as T };
}

/**
 * The event as consumer `service` sees it after opening (tests reading a topic directly);
 * `sealing` defaults to the development keys of `service`.
 */
export async function openCloudEvent<T = unknown>(
  event: CloudEvent,
  service: string,
  sealing: EventSealing = developmentSealing(service),
): Promise<CloudEvent<T>> {
  const definition = findEventDefinition(event.type);
  if (!definition || !EventSealing.hasSealedFields(definition)) return event as CloudEvent<T>;
  return { ...event, data: (await sealing.open(definition, event.data)) as T };
}
