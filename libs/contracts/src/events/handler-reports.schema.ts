import { Type } from '@sinclair/typebox';
import { Handler, Uuid } from '../schemas/common.schema';

/** Fields every handler report carries. */
export const handlerReportBase = {
  workOrderId: Uuid,
  handler: Handler,
  handlerCaseId: Type.String({ maxLength: 64, description: "The handler service's own case id" }),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Optional(Type.String({ maxLength: 64 })),
};
