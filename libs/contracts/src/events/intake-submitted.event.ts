import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import {
  Applicant,
  CaseCode,
  Platform,
  RegionCode,
  ServiceType,
  strictObject,
  Timestamp,
  Urgency,
  Uuid,
} from '../schemas/common.schema';

export const IntakeSubmitted = defineEvent({
  type: 'legal.intake.submitted.v1',
  topic: 'legal.intake.submitted',
  summary:
    'A request was taken on a platform (call, web form, counter) or transferred from the 12345 hotline (platform 12345, ' +
    'written by the identity service for the 12345 partner client) and needs a work order',
  producers: ['hotline', 'portal', 'centre', 'identity', 'legal-aid', 'judicial-appraisal'],
  consumers: ['work-order'],
  sealed: ['applicant'],
  schema: strictObject(
    {
      intakeId: Uuid,
      platform: Platform,
      platformRecordId: Type.String({
        maxLength: 64,
        description: 'Id of the call, submission or counter visit on its platform',
      }),
      submittedAt: Timestamp,
      serviceType: Type.Optional(ServiceType),
      description: Type.String({ minLength: 1, maxLength: 5000 }),
      regionCode: RegionCode,
      language: Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)?$', description: 'BCP 47, e.g. zh, zh-yue, ug' }),
      urgency: Urgency,
      vulnerableGroup: Type.Optional(Type.Boolean({ description: 'Minor, elderly, disabled, migrant worker ...' })),
      legalDeadlineAt: Type.Optional(Timestamp),
      applicant: Applicant,
      citizenUserId: Type.Optional(Type.String({ maxLength: 64 })),
      citizenPhoneVerified: Type.Optional(
        Type.Boolean({
          description:
            'True when citizenUserId is set and applicant.phone is the phone that account verified (token phone claim, OTP): only then may the account be attached to an existing work order of that phone',
        }),
      ),
      accessCodeHash: Type.Optional(
        Type.String({
          pattern: '^[0-9a-f]{64}$',
          description:
            'Keyed hash of the access code the platform gave the citizen at submission (the code itself never leaves the platform); with the case code it lets the citizen track the work order this intake creates',
        }),
      ),
      resolution: Type.Optional(
        strictObject(
          {
            kind: Type.Literal('answered-on-spot'),
            summary: Type.String({ maxLength: 2000 }),
            answeredBy: Type.String({ maxLength: 64 }),
          },
          'Set when the request was fully answered during the call or at the counter',
        ),
      ),
      relatedCaseCode: Type.Optional(CaseCode),
      attachments: Type.Optional(
        Type.Array(
          strictObject(
            {
              name: Type.String({ maxLength: 200 }),
              mediaType: Type.String({ maxLength: 100 }),
              sizeBytes: Type.Integer({ minimum: 0 }),
            },
            'Attachment metadata',
          ),
          {
            maxItems: 20,
          },
        ),
      ),
      submittedBy: strictObject(
        { userId: Type.Optional(Type.String({ maxLength: 64 })), role: Type.String({ maxLength: 32 }) },
        'Who entered it',
      ),
    },
    'A request entered on one of the three platforms',
  ),
  example: {
    intakeId: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
    platform: 'hotline',
    platformRecordId: 'call-20261128-0001',
    submittedAt: '2026-11-28T02:15:00.000Z',
    serviceType: 'legal-aid',
    description: '在工地干了半年活，老板拖欠工资三万元不给',
    regionCode: '371321101',
    language: 'zh',
    urgency: 'normal',
    vulnerableGroup: true,
    applicant: { name: '张三', idCardNumber: '371321199003071234', phone: '13812345678' },
    submittedBy: { userId: 'agent-17', role: 'hotline-agent' },
  },
});
