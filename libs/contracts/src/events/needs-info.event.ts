import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { strictObject } from '../schemas/common.schema';
import { handlerReportBase } from './handler-reports.schema';
import { HANDLER_SERVICE_NAMES } from '../registry/service-registry';

export const NeedsInfo = defineEvent({
  type: 'legal.handler.needs-info.v1',
  topic: 'legal.handler.report',
  summary:
    'The handler needs materials from the applicant; every missing item in one notice (一次性告知); the clock may pause',
  producers: [...HANDLER_SERVICE_NAMES],
  consumers: ['work-order'],
  schema: strictObject(
    {
      ...handlerReportBase,
      missingItems: Type.Array(
        strictObject(
          { code: Type.String({ maxLength: 64 }), label: Type.String({ maxLength: 200 }) },
          'A missing item',
        ),
        { minItems: 1 },
      ),
      notice: Type.String({ maxLength: 4000, description: 'The text shown to the applicant' }),
      pausesClock: Type.Boolean(),
    },
    'Needs information from the applicant',
  ),
  example: {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    handler: 'notarization',
    handlerCaseId: 'NT-2026-000045',
    at: '2026-11-28T03:00:00.000Z',
    missingItems: [
      { code: 'household-register', label: '户口簿' },
      { code: 'birth-certificate', label: '出生医学证明' },
    ],
    notice: '请一次性补齐以下材料：户口簿、出生医学证明',
    pausesClock: true,
  },
});
