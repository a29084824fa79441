import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { strictObject } from '../schemas/common.schema';
import { handlerReportBase } from './handler-reports.schema';
import { HANDLER_SERVICE_NAMES } from '../registry/service-registry';

export const InfoReceived = defineEvent({
  type: 'legal.handler.info-received.v1',
  topic: 'legal.handler.report',
  summary: 'The missing materials arrived; a paused clock resumes',
  producers: [...HANDLER_SERVICE_NAMES],
  consumers: ['work-order'],
  schema: strictObject(
    { ...handlerReportBase, receivedItems: Type.Array(Type.String({ maxLength: 64 })) },
    'Materials received',
  ),
  example: {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    handler: 'notarization',
    handlerCaseId: 'NT-2026-000045',
    at: '2026-12-01T03:00:00.000Z',
    receivedItems: ['household-register', 'birth-certificate'],
  },
});
