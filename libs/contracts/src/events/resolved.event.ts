import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { strictObject } from '../schemas/common.schema';
import { handlerReportBase, reportDetails } from './handler-reports.schema';
import { HANDLER_SERVICE_NAMES } from '../registry/service-registry';

export const Resolved = defineEvent({
  type: 'legal.handler.resolved.v1',
  topic: 'legal.handler.report',
  summary:
    'The handler finished the matter with an outcome (granted/denied, agreement, certificate issued, refused ...)',
  producers: [...HANDLER_SERVICE_NAMES],
  consumers: ['work-order', 'oversight'],
  schema: strictObject(
    {
      ...handlerReportBase,
      outcome: Type.String({
        maxLength: 64,
        description: 'e.g. aid-denied, case-closed, agreement-reached, mediation-failed, certificate-issued, refused',
      }),
      summary: Type.String({ maxLength: 2000 }),
      details: reportDetails,
    },
    'Resolution',
  ),
  example: {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    handler: 'mediation',
    handlerCaseId: 'MD-2026-000077',
    at: '2026-12-10T08:00:00.000Z',
    outcome: 'agreement-reached',
    summary: 'Parties agreed on repayment in two instalments',
    details: { mediationOutcome: 'agreement-reached' },
  },
});
