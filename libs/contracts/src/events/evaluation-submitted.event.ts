import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { CaseCode, Platform, strictObject, Timestamp, Uuid } from '../schemas/common.schema';

export const EvaluationSubmitted = defineEvent({
  type: 'legal.feedback.evaluation-submitted.v1',
  topic: 'legal.feedback',
  summary: 'A citizen evaluated a resolved work order (once per work order); a low score reopens it',
  producers: ['portal', 'hotline'],
  consumers: ['work-order', 'oversight'],
  schema: strictObject(
    {
      evaluationId: Uuid,
      workOrderId: Uuid,
      caseCode: CaseCode,
      score: Type.Integer({ minimum: 1, maximum: 5 }),
      comment: Type.Optional(Type.String({ maxLength: 2000 })),
      platform: Platform,
      submittedAt: Timestamp,
    },
    'Satisfaction evaluation',
  ),
  example: {
    evaluationId: '2c6a5b0e-5d1c-4c7f-8f0a-1a2b3c4d5e6f',
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    caseCode: '371321-20261128-000001-7',
    score: 2,
    comment: '律师很久没有联系我',
    platform: 'portal',
    submittedAt: '2026-12-20T08:00:00.000Z',
  },
});
