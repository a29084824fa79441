import type { EventDefinition } from './event-definition';
import { DeadlineDueSoon } from './events/deadline-due-soon.event';
import { DeadlineOverdue } from './events/deadline-overdue.event';
import { WorkOrderChanged } from './events/work-order-changed.event';

/**
 * The events a partner agreement may name (those with `partnerFields`), i.e. what the identity service's
 * partner gateway consumes and projects onto each partner's feed. Listed here rather than derived from the
 * registry so the feed item's schema can be built from them without an import cycle.
 */
export const PARTNER_SOURCE_EVENTS = [
  WorkOrderChanged,
  DeadlineDueSoon,
  DeadlineOverdue,
] as unknown as readonly EventDefinition[];

/** Topics an agreement may name: those carrying at least one event with partner fields. */
export const PARTNER_AGREEABLE_TOPICS: readonly string[] = [...new Set(PARTNER_SOURCE_EVENTS.map((e) => e.topic))];

/**
 * The top-level fields an agreement may name for `topic`: the union of `partnerFields` of the events on
 * it; undefined when the topic is not for partners at all.
 */
export function agreeableFields(topic: string): readonly string[] | undefined {
  const events = PARTNER_SOURCE_EVENTS.filter((e) => e.topic === topic);
  if (events.length === 0) return undefined;
  return [...new Set(events.flatMap((e) => e.partnerFields ?? []))];
}
