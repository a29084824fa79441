import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { PARTNER_FEED } from '../topics';
import { CaseCode, strictObject, Timestamp, Uuid, WorkOrderStatus } from '../schemas/common.schema';

/** What became of a matter 12345 transferred to 12348, as that partner is told. */
export const TRANSFER_STAGES = ['received', 'registered', 'linked', 'rejected', 'status'] as const;

/**
 * One step of a 12345 transfer on the 12345 partner's own feed (legal.partner.feed.<clientId>): the
 * transfer it received (acknowledged, then registered with a case code, linked to an open work order, or
 * rejected, then each status of that work order until it is resolved or closed). `direction` is `in`
 * (12345 → 12348); the reverse transfer is not built yet.
 */
export const PartnerTransferUpdate = defineEvent({
  type: 'legal.partner.transfer-update.v1',
  topic: PARTNER_FEED.name,
  summary:
    "A 12345 transfer's progress on the 12345 partner's feed: received, registered (case code), linked, rejected, then each " +
    'status of its work order. Key and ce_subject: the transfer id.',
  producers: ['identity'],
  consumers: ['partner-agencies'],
  schema: strictObject(
    {
      transferId: Uuid,
      reference: Type.String({ minLength: 1, maxLength: 64, description: "The partner's own reference of the matter (its idempotency key)" }),
      direction: Type.Literal('in', { description: 'in: 12345 → 12348' }),
      stage: Type.Union(TRANSFER_STAGES.map((s) => Type.Literal(s))),
      caseCode: Type.Optional(CaseCode),
      status: Type.Optional(WorkOrderStatus),
      statusText: Type.Optional(Type.String({ maxLength: 500, description: 'Plain-language status, dated' })),
      organisationName: Type.Optional(Type.String({ maxLength: 200 })),
      reasons: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 })),
      occurredAt: Timestamp,
    },
    'One step of a 12345 → 12348 transfer',
  ),
  example: {
    transferId: '2c1f8a4e-6b0d-4e4b-9a51-3f1e9d7c2b10',
    reference: '12345-20261204-000123',
    direction: 'in',
    stage: 'registered',
    caseCode: '371321-20261128-000001-7',
    status: 'received',
    occurredAt: '2026-12-04T12:15:03.000Z',
  },
});
