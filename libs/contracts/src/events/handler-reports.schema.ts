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

/**
 * Outcome details a progress or resolution report may carry, as codes (never personal data): what oversight needs
 * for the legal-aid grant rate and exempt share and the mediation agreement and judicial-confirmation rates.
 */
export const reportDetails = Type.Optional(
  Type.Object(
    {
      aidDecision: Type.Optional(
        Type.Union([Type.Literal('granted'), Type.Literal('denied')], { description: 'Legal aid granted or denied' }),
      ),
      exemptCategory: Type.Optional(
        Type.String({
          maxLength: 64,
          pattern: '^[a-z0-9-]+$',
          description: 'Code of the exempt category (免予经济困难审查, 法律援助法 第四十二条) a grant rests on',
        }),
      ),
      mediationOutcome: Type.Optional(
        Type.Union([Type.Literal('agreement-reached'), Type.Literal('mediation-failed'), Type.Literal('withdrawn')], {
          description: 'How a mediation ended',
        }),
      ),
      judicialConfirmation: Type.Optional(
        Type.Union([Type.Literal('confirmed'), Type.Literal('rejected')], {
          description: "The court's ruling on the mediation agreement (司法确认)",
        }),
      ),
    },
    { additionalProperties: false, description: 'Outcome details as codes, for oversight; no personal data' },
  ),
);
