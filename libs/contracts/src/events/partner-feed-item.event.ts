import { TSchema, Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { PARTNER_SOURCE_EVENTS } from '../partner-fields';
import { PARTNER_FEED } from '../topics';
import { strictObject } from '../schemas/common.schema';

/** Every agreeable field, typed as in its source event, optional (a partner gets only what it agreed). */
function agreeableProperties(): Record<string, TSchema> {
  const properties: Record<string, TSchema> = {};
  for (const source of PARTNER_SOURCE_EVENTS) {
    for (const field of source.partnerFields ?? []) {
      const schema = source.schema.properties[field];
      if (!schema) throw new Error(`${source.type} names partner field ${field} that its schema does not have`);
      properties[field] ??= Type.Optional(schema);
    }
  }
  return properties;
}

export const PartnerFeedItem = defineEvent({
  type: 'legal.partner.feed-item.v1',
  topic: PARTNER_FEED.name,
  summary:
    "One lifecycle event as a partner may see it: only the fields its data-sharing agreement names, on the partner's own topic " +
    'legal.partner.feed.<clientId>. Key and ce_subject: the work order id; ce_time: when the feed item was written.',
  producers: ['identity'],
  consumers: ['partner-agencies'],
  schema: strictObject(
    {
      ...agreeableProperties(),
      occurredAt: Type.String({
        format: 'date-time',
        description: "When the lifecycle event happened: the source event's time (ce_time)",
      }),
      sourceType: Type.Union(
        PARTNER_SOURCE_EVENTS.map((e) => Type.Literal(e.type)),
        { description: 'The lifecycle event type this item was projected from (the set of fields depends on it)' },
      ),
    },
    'The agreed fields of one lifecycle event (every field but occurredAt and sourceType appears only if the agreement names it)',
  ),
  // The agreeable fields are collected at run time, so the static type knows only occurredAt and sourceType.
  example: {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    caseCode: '371321-20261128-000001-7',
    status: 'accepted',
    occurredAt: '2026-11-28T02:20:00.120Z',
    sourceType: 'legal.workorder.changed.v1',
  } as { occurredAt: string; sourceType: string },
});
