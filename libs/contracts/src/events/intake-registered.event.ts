import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { CaseCode, Platform, strictObject, Uuid } from '../schemas/common.schema';

export const IntakeRegistered = defineEvent({
  type: 'legal.intake.registered.v1',
  topic: 'legal.intake.outcome',
  summary: 'The intake has a case code: a new work order, a link to an open one (duplicate), or closed on the spot',
  producers: ['work-order'],
  consumers: ['hotline', 'portal', 'centre', 'identity'],
  schema: strictObject(
    {
      intakeId: Uuid,
      platform: Platform,
      workOrderId: Uuid,
      caseCode: CaseCode,
      outcome: Type.Union([
        Type.Literal('created'),
        Type.Literal('linked-to-existing'),
        Type.Literal('closed-on-spot'),
        Type.Literal('triage'),
      ]),
      possiblyRelatedCaseCodes: Type.Array(CaseCode, { maxItems: 20 }),
    },
    'Case code assigned to an intake',
  ),
  example: {
    intakeId: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
    platform: 'hotline',
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    caseCode: '371321-20261128-000001-7',
    outcome: 'created',
    possiblyRelatedCaseCodes: [],
  },
});
