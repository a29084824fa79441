import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { CaseCode, strictObject, Timestamp, Uuid } from '../schemas/common.schema';

export const CallbackCompleted = defineEvent({
  type: 'legal.feedback.callback-completed.v1',
  topic: 'legal.feedback',
  summary:
    'The hotline completed a callback (回访) about a work order: why it was raised, when it was due and when it was done',
  producers: ['hotline'],
  consumers: ['oversight'],
  sealed: [],
  schema: strictObject(
    {
      callbackId: Uuid,
      workOrderId: Uuid,
      caseCode: CaseCode,
      reason: Type.Union(
        [Type.Literal('needs-information'), Type.Literal('evaluation-due'), Type.Literal('deadline-overdue')],
        { description: 'Why the callback was raised' },
      ),
      raisedAt: Timestamp,
      dueAt: Type.String({ format: 'date-time', description: 'When the hotline had to call back by (its policy)' }),
      completedAt: Timestamp,
      outcome: Type.String({ maxLength: 32, description: 'What came of the call, a code (reached-caller ...)' }),
    },
    'Completed callback, codes and times only (no phone number, no name)',
  ),
  example: {
    callbackId: '3b7e1f0a-4c2d-4e8f-9a1b-2c3d4e5f6a7b',
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    caseCode: '371321-20261128-000001-7',
    reason: 'evaluation-due',
    raisedAt: '2026-12-10T08:00:00.000Z',
    dueAt: '2026-12-14T08:00:00.000Z',
    completedAt: '2026-12-11T03:00:00.000Z',
    outcome: 'evaluation-recorded',
  },
});
