import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { CaseCode, strictObject, Timestamp, Uuid } from '../schemas/common.schema';

const referralBase = {
  referralId: Uuid,
  workOrderId: Uuid,
  caseCode: CaseCode,
  fromOrganisationId: Type.String({ maxLength: 64 }),
  toOrganisationId: Type.String({ maxLength: 64 }),
  at: Timestamp,
  actorId: Type.Optional(Type.String({ maxLength: 64 })),
};
const example = {
  referralId: '7d3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
  caseCode: '371321-20261128-000001-7',
  fromOrganisationId: 'org-371324101-station',
  toOrganisationId: 'org-371324-mediation',
  at: '2026-11-28T03:00:00.000Z',
};

export const ReferralRequested = defineEvent({
  type: 'legal.referral.requested.v1',
  topic: 'legal.referral',
  summary: 'A centre referred (转介) a matter to another organisation, which must answer by respondBy',
  producers: ['centre'],
  consumers: ['work-order', 'centre'],
  schema: strictObject(
    { ...referralBase, reason: Type.String({ maxLength: 1000 }), respondBy: Timestamp },
    'Referral raised',
  ),
  example: { ...example, reason: '邻里纠纷，需村调委会调解', respondBy: '2026-12-01T15:59:59.999Z' },
});

export const ReferralAccepted = defineEvent({
  type: 'legal.referral.accepted.v1',
  topic: 'legal.referral',
  summary: 'The receiving organisation accepted the referral',
  producers: ['centre'],
  consumers: ['work-order'],
  schema: strictObject({ ...referralBase }, 'Referral accepted'),
  example,
});

export const ReferralRejected = defineEvent({
  type: 'legal.referral.rejected.v1',
  topic: 'legal.referral',
  summary: 'The receiving organisation rejected the referral with a reason; it goes to the coordinating level',
  producers: ['centre'],
  consumers: ['work-order'],
  schema: strictObject(
    {
      ...referralBase,
      reason: Type.String({ maxLength: 1000 }),
      escalatedToOrganisationId: Type.String({ maxLength: 64 }),
    },
    'Referral rejected',
  ),
  example: { ...example, reason: '不属于本单位受理范围', escalatedToOrganisationId: 'org-371324-centre' },
});
