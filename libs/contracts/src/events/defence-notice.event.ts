import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { RegionCode, strictObject, Timestamp, Uuid } from '../schemas/common.schema';

export const DefenceNotice = defineEvent({
  type: 'legal.partner.defence-notice.v1',
  topic: 'legal.partner.notice',
  summary:
    'A court, procuratorate or police notice of a notified-defence case (通知辩护): a lawyer must be appointed within 3 days',
  producers: ['partner-agencies'],
  consumers: ['legal-aid'],
  sealed: ['suspect', 'partnerToken'],
  schema: strictObject(
    {
      noticeId: Uuid,
      agency: Type.Union([Type.Literal('court'), Type.Literal('procuratorate'), Type.Literal('police')]),
      agencyName: Type.String({ maxLength: 200 }),
      agencyCaseNumber: Type.String({ maxLength: 100 }),
      organisationId: Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          "The notifying agency: the sending partner client's organisation (its token's org claim); a notice for another agency is dead-lettered",
      }),
      regionCode: RegionCode,
      partnerToken: Type.String({
        minLength: 20,
        maxLength: 4096,
        description:
          "The sending partner's access token (client credentials from the identity service), valid at the event's time: proves which agency and area the notice speaks for. Sealed for legal-aid; never stored",
      }),
      suspect: strictObject(
        {
          name: Type.String({ maxLength: 100 }),
          idCardNumber: Type.Optional(Type.String({ pattern: '^\\d{17}[\\dX]$' })),
          minor: Type.Optional(Type.Boolean()),
          disability: Type.Optional(Type.Boolean()),
        },
        'The person who needs a defender',
      ),
      charge: Type.String({ maxLength: 300 }),
      stage: Type.Union([Type.Literal('investigation'), Type.Literal('prosecution'), Type.Literal('trial')]),
      noticeReceivedAt: Timestamp,
      hearingAt: Type.Optional(Timestamp),
    },
    'Notified defence notice',
  ),
  example: {
    noticeId: '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b',
    agency: 'court',
    agencyName: '临沂市兰山区人民法院',
    agencyCaseNumber: '(2026)鲁1302刑初123号',
    organisationId: 'org-371302-court',
    regionCode: '371302',
    partnerToken: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJsYW5zaGFuLWNvdXJ0In0.c2lnbmF0dXJl',
    suspect: { name: '李四', minor: false },
    charge: '盗窃罪',
    stage: 'trial',
    noticeReceivedAt: '2026-11-28T01:00:00.000Z',
  },
});
