import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { strictObject, Uuid } from '../schemas/common.schema';
import { handlerReportBase } from './handler-reports.schema';
import { HANDLER_SERVICE_NAMES } from '../registry/service-registry';

export const OFFER_REJECTION_REASONS = [
  'out-of-jurisdiction',
  'no-capacity',
  'not-our-service',
  'conflict-of-interest',
  'other',
] as const;

export const OfferRejected = defineEvent({
  type: 'legal.handler.offer-rejected.v1',
  topic: 'legal.handler.report',
  summary: 'The handler rejected the offer with a coded reason; the router moves on to the next candidate',
  producers: [...HANDLER_SERVICE_NAMES],
  consumers: ['work-order'],
  schema: strictObject(
    {
      ...handlerReportBase,
      offerId: Uuid,
      reasonCode: Type.Union(OFFER_REJECTION_REASONS.map((r) => Type.Literal(r))),
      reason: Type.String({ maxLength: 1000 }),
    },
    'Offer rejected',
  ),
  example: {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    handler: 'legal-aid',
    handlerCaseId: 'none',
    at: '2026-11-28T02:20:00.000Z',
    offerId: '9a0e2f5c-8d3b-4c1a-b6e7-1f2a3b4c5d6e',
    reasonCode: 'no-capacity',
    reason: 'All duty lawyers are assigned until Monday',
  },
});
