import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { Platform, strictObject, Uuid } from '../schemas/common.schema';

export const IntakeRejected = defineEvent({
  type: 'legal.intake.rejected.v1',
  topic: 'legal.intake.outcome',
  summary: 'The intake was well-formed but could not become a work order (e.g. region outside Shandong)',
  producers: ['work-order'],
  consumers: ['hotline', 'portal', 'centre', 'identity'],
  schema: strictObject(
    { intakeId: Uuid, platform: Platform, reasons: Type.Array(Type.String({ maxLength: 300 }), { minItems: 1 }) },
    'Why an intake was refused',
  ),
  example: {
    intakeId: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
    platform: 'portal',
    reasons: ['region 110101 is outside Shandong'],
  },
});
