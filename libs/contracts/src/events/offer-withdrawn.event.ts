import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { strictObject, Uuid } from '../schemas/common.schema';
import { HANDLER_SERVICE_NAMES } from '../registry/service-registry';

export const OfferWithdrawn = defineEvent({
  type: 'legal.workorder.offer-withdrawn.v1',
  topic: 'legal.workorder.dispatch',
  summary: 'An open offer no longer stands (expired, reassigned by a supervisor, or the work order was cancelled)',
  producers: ['work-order'],
  consumers: [...HANDLER_SERVICE_NAMES],
  schema: strictObject(
    {
      offerId: Uuid,
      workOrderId: Uuid,
      organisationId: Type.String({ maxLength: 64 }),
      reason: Type.Union([Type.Literal('expired'), Type.Literal('reassigned'), Type.Literal('cancelled')]),
    },
    'Withdrawal of an offer',
  ),
  example: {
    offerId: '9a0e2f5c-8d3b-4c1a-b6e7-1f2a3b4c5d6e',
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    organisationId: 'org-371324-legal-aid',
    reason: 'expired',
  },
});
