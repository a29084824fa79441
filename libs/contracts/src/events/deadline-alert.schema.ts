import { Type } from '@sinclair/typebox';
import { CaseCode, strictObject, Timestamp, Uuid } from '../schemas/common.schema';

export function deadlineAlertSchema(description: string) {
  return strictObject(
    {
      workOrderId: Uuid,
      caseCode: CaseCode,
      kind: Type.String({ maxLength: 64 }),
      dueAt: Timestamp,
      organisationId: Type.Optional(Type.String({ maxLength: 64 })),
      detectedAt: Timestamp,
    },
    description,
  );
}
