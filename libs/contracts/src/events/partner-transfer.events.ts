import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { PARTNER_FEED } from '../topics';
import { CaseCode, RegionCode, ServiceType, strictObject, Timestamp, Uuid, WorkOrderStatus } from '../schemas/common.schema';

/** What became of a matter 12345 transferred to 12348, and a 12348 matter transferred out to 12345. */
export const TRANSFER_STAGES = ['received', 'registered', 'linked', 'rejected', 'status', 'transferred-out'] as const;

/**
 * One step of a 12345 transfer on the 12345 partner's own feed (legal.partner.feed.<clientId>): the
 * transfer it received (acknowledged, then registered with a case code, linked to an open work order, or
 * rejected, then each status of that work order until it is resolved or closed) — direction `in` — and
 * each 12348 matter a hotline agent or supervisor transferred out to 12345 (stage `transferred-out`, its
 * work order closed as transferred) — direction `out`, reference = the case code.
 */
export const PartnerTransferUpdate = defineEvent({
  type: 'legal.partner.transfer-update.v1',
  topic: PARTNER_FEED.name,
  summary:
    "A 12345 transfer's progress on the 12345 partner's feed: received, registered (case code), linked, rejected, then each " +
    'status of its work order; or a 12348 matter transferred out to 12345. Key and ce_subject: the transfer id.',
  producers: ['identity'],
  consumers: ['partner-agencies'],
  schema: strictObject(
    {
      transferId: Uuid,
      reference: Type.String({ minLength: 1, maxLength: 64, description: "The partner's own reference of the matter (its idempotency key)" }),
      direction: Type.Union([Type.Literal('in'), Type.Literal('out')], { description: 'in: 12345 → 12348; out: 12348 → 12345' }),
      stage: Type.Union(TRANSFER_STAGES.map((s) => Type.Literal(s))),
      caseCode: Type.Optional(CaseCode),
      status: Type.Optional(WorkOrderStatus),
      statusText: Type.Optional(Type.String({ maxLength: 500, description: 'Plain-language status, dated' })),
      organisationName: Type.Optional(Type.String({ maxLength: 200 })),
      reasons: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 })),
      serviceType: Type.Optional(ServiceType),
      regionCode: Type.Optional(RegionCode),
      summary: Type.Optional(Type.String({ maxLength: 2000, description: 'transferred-out: why, and the matter for 12345' })),
      occurredAt: Timestamp,
    },
    'One step of a 12345 ⇄ 12348 transfer',
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
