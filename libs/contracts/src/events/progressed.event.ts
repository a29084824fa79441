import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { Deadline, strictObject } from '../schemas/common.schema';
import { handlerReportBase, reportDetails } from './handler-reports.schema';
import { HANDLER_SERVICE_NAMES } from '../registry/service-registry';

export const Progressed = defineEvent({
  type: 'legal.handler.progressed.v1',
  topic: 'legal.handler.report',
  summary:
    'A step of the handler workflow happened (decision, appointment, session scheduled ...), with any new deadlines',
  producers: [...HANDLER_SERVICE_NAMES],
  consumers: ['work-order', 'oversight'],
  schema: strictObject(
    {
      ...handlerReportBase,
      step: Type.String({
        maxLength: 64,
        description: 'e.g. eligibility-decided, lawyer-appointed, session-scheduled, certificate-drafted',
      }),
      detail: Type.String({ maxLength: 2000 }),
      deadlines: Type.Array(Deadline, { maxItems: 10 }),
      details: reportDetails,
    },
    'Workflow step',
  ),
  example: {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    handler: 'legal-aid',
    handlerCaseId: 'LA-2026-000123',
    at: '2026-11-29T02:00:00.000Z',
    step: 'lawyer-appointed',
    detail: 'Lawyer Li (labour disputes) appointed',
    deadlines: [],
  },
});
