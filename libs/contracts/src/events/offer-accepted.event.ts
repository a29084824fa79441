import { defineEvent } from '../event-definition';
import { strictObject, Uuid } from '../schemas/common.schema';
import { handlerReportBase } from './handler-reports.schema';
import { HANDLER_SERVICE_NAMES } from '../registry/service-registry';

export const OfferAccepted = defineEvent({
  type: 'legal.handler.offer-accepted.v1',
  topic: 'legal.handler.report',
  summary: 'The handler accepted the offer and opened its own case',
  producers: [...HANDLER_SERVICE_NAMES],
  consumers: ['work-order'],
  schema: strictObject({ ...handlerReportBase, offerId: Uuid }, 'Offer accepted'),
  example: {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    handler: 'legal-aid',
    handlerCaseId: 'LA-2026-000123',
    at: '2026-11-28T02:20:00.000Z',
    offerId: '9a0e2f5c-8d3b-4c1a-b6e7-1f2a3b4c5d6e',
  },
});
