import { significantPrefix } from '@legal/auth';
import { agreeableFields, CloudEvent, PARTNER_AGREEABLE_TOPICS } from '@legal/contracts';
import type { FieldError } from '@legal/http';
import { createHash } from 'node:crypto';
import type { PartnerAgreement } from '../partners/entities/partner-client.entity';

/** The payload of a partner feed item: the agreed fields plus occurredAt and sourceType. */
export type FeedItemData = Record<string, unknown> & { occurredAt: string; sourceType: string };

/**
 * The fields of `topic` a partner receives: those its agreement names that the contract lets partners
 * have. Anything else (a name stored before agreements were validated, a dot path, a hash) is dropped:
 * the contract's partnerFields bound every agreement, whatever the database says.
 */
export function agreedFields(agreement: PartnerAgreement, topic: string): string[] {
  const allowed = new Set(agreeableFields(topic) ?? []);
  const named = agreement.topics.filter((t) => t.topic === topic).flatMap((t) => t.fields);
  return [...new Set(named)].filter((f) => allowed.has(f));
}

/** Whether an agreement names `topic` at all (a partner can agree to a topic with no field but the envelope metadata). */
export function agreementNames(agreement: PartnerAgreement, topic: string): boolean {
  return agreement.topics.some((t) => t.topic === topic);
}

/**
 * Projection of one lifecycle event onto a partner's feed: exactly the agreed top-level fields present in
 * the event, plus `occurredAt` (the event's time) and `sourceType`. Values are copied as they are (a
 * field is agreed as a whole); nothing else of the event is read.
 */
export function projectFeedItem(
  event: Pick<CloudEvent, 'type' | 'time' | 'data'>,
  fields: readonly string[],
): FeedItemData {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const item: Record<string, unknown> = {};
  for (const field of fields) {
    if (Object.prototype.hasOwnProperty.call(data, field) && data[field] !== undefined) item[field] = data[field];
  }
  return { ...item, occurredAt: event.time, sourceType: event.type };
}

/**
 * Whether a work order concerns a partner: a partner with a region receives only work orders in that
 * region and below (370100 → 3701…). Events without a region (deadline alerts carry none) are withheld
 * from region-scoped partners: not knowing is not a reason to share.
 */
export function inPartnerScope(partnerRegionCode: string | null | undefined, data: unknown): boolean {
  if (!partnerRegionCode) return true;
  const regionCode = (data as { regionCode?: unknown } | null)?.regionCode;
  return typeof regionCode === 'string' && regionCode.startsWith(significantPrefix(partnerRegionCode));
}

/** A stable id per (source event, partner): a redone projection yields the same ce_id, so partners can deduplicate. */
export function feedItemId(sourceEventId: string, clientId: string): string {
  const h = createHash('sha256').update(`partner-feed\0${sourceEventId}\0${clientId}`).digest('hex');
  // RFC 9562 UUIDv8 layout (custom, hash-based): version nibble 8, variant 10xx.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Envelope metadata every feed item carries, agreed or not. */
const ALWAYS_INCLUDED = ['occurredAt', 'sourceType'];

/**
 * What the contract says about an agreement: only topics meant for partners, only their partner fields.
 * One error per bad topic or field, naming it (problem+json `errors[]`).
 */
export function agreementProblems(agreement: PartnerAgreement): FieldError[] {
  const problems: FieldError[] = [];
  agreement.topics.forEach((entry, i) => {
    const allowed = agreeableFields(entry.topic);
    if (!allowed) {
      problems.push({
        field: `agreement.topics[${i}].topic`,
        messages: [
          `topic ${entry.topic} is not shared with partners; agreements may name: ${PARTNER_AGREEABLE_TOPICS.join(', ')}`,
        ],
        codes: ['partnerTopic'],
      });
      return;
    }
    entry.fields.forEach((field, j) => {
      if (!allowed.includes(field)) {
        const always = ALWAYS_INCLUDED.includes(field)
          ? ` (${ALWAYS_INCLUDED.join(' and ')} are in every feed item; do not name them)`
          : '';
        problems.push({
          field: `agreement.topics[${i}].fields[${j}]`,
          messages: [
            `field ${field} is not a partner field of ${entry.topic}${always}; allowed: ${allowed.join(', ')}`,
          ],
          codes: ['partnerField'],
        });
      }
    });
  });
  const seen = new Set<string>();
  agreement.topics.forEach((entry, i) => {
    if (seen.has(entry.topic))
      problems.push({
        field: `agreement.topics[${i}].topic`,
        messages: [`topic ${entry.topic} is named twice`],
        codes: ['uniqueTopic'],
      });
    seen.add(entry.topic);
  });
  return problems;
}
