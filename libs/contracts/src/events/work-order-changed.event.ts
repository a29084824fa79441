import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import {
  CaseCode,
  Deadline,
  Handler,
  Platform,
  RegionCode,
  ServiceType,
  strictObject,
  Timestamp,
  Uuid,
  WorkOrderStatus,
} from '../schemas/common.schema';

export const WorkOrderChanged = defineEvent({
  type: 'legal.workorder.changed.v1',
  topic: 'legal.workorder.changed',
  summary: 'A work order changed state; carries the full current view so a read model can be rebuilt from the stream',
  producers: ['work-order'],
  consumers: ['hotline', 'portal', 'centre', 'identity', 'oversight'],
  partnerFields: [
    'workOrderId',
    'caseCode',
    'version',
    'status',
    'serviceType',
    'regionCode',
    'organisationId',
    'handler',
    'deadlines',
    'entry',
  ],
  schema: strictObject(
    {
      workOrderId: Uuid,
      caseCode: CaseCode,
      version: Type.Integer({
        minimum: 1,
        description: 'Increases by one per change; read models ignore older versions',
      }),
      status: WorkOrderStatus,
      previousStatus: Type.Optional(WorkOrderStatus),
      serviceType: ServiceType,
      regionCode: RegionCode,
      originPlatform: Platform,
      platforms: Type.Array(Platform, { description: 'Every platform an intake of this work order came from' }),
      organisationId: Type.Optional(Type.String({ maxLength: 64 })),
      organisationName: Type.Optional(Type.String({ maxLength: 200 })),
      handler: Type.Optional(Handler),
      staffId: Type.Optional(Type.String({ maxLength: 64 })),
      relatedCaseCode: Type.Optional(CaseCode),
      complaintAgainstOrganisationId: Type.Optional(Type.String({ maxLength: 64 })),
      deadlines: Type.Array(Deadline),
      receivedAt: Timestamp,
      registeredAt: Type.Optional(
        Type.String({
          format: 'date-time',
          description:
            'When the work-order service registered the intake and issued the case code (一案一码); with receivedAt ' +
            "(the intake's submission) it gives the time to case code",
        }),
      ),
      entry: strictObject(
        {
          seq: Type.Integer({ minimum: 1 }),
          at: Timestamp,
          action: Type.String({ maxLength: 64 }),
          actorRole: Type.String({ maxLength: 32 }),
          actorId: Type.Optional(Type.String({ maxLength: 64 })),
          platform: Type.Optional(Platform),
          note: Type.Optional(Type.String({ maxLength: 2000 })),
        },
        'The timeline entry this change appended',
      ),
      citizen: strictObject(
        {
          phoneHash: Type.Optional(
            Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Keyed hash (HMAC-SHA256) of the normalised phone' }),
          ),
          phoneLast4: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
          idCardHash: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
          userId: Type.Optional(Type.String({ maxLength: 64 })),
          displayName: Type.Optional(Type.String({ maxLength: 20, description: 'Masked name, e.g. 张*' })),
          accessCodeHash: Type.Optional(
            Type.String({
              pattern: '^[0-9a-f]{64}$',
              description:
                'Keyed hash of the access code of the intake that created the work order (tracking with case code + access code)',
            }),
          ),
        },
        'Minimised identity of the citizen: enough to match, never the raw numbers',
      ),
    },
    'Current view of a work order after a change',
  ),
  example: {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    caseCode: '371321-20261128-000001-7',
    version: 3,
    status: 'accepted',
    previousStatus: 'offered',
    serviceType: 'legal-aid',
    regionCode: '371324101',
    originPlatform: 'hotline',
    platforms: ['hotline', 'portal'],
    organisationId: 'org-371324-legal-aid',
    organisationName: '兰陵县法律援助中心',
    handler: 'legal-aid',
    deadlines: [
      {
        kind: 'legal-aid-decision',
        dueAt: '2026-12-05T15:59:59.999Z',
        rule: 'calendar-days',
        explanation: '7 days from 2026-11-28, start day not counted',
        status: 'running',
      },
    ],
    receivedAt: '2026-11-28T02:15:00.000Z',
    registeredAt: '2026-11-28T02:15:01.000Z',
    entry: {
      seq: 3,
      at: '2026-11-28T02:20:00.000Z',
      action: 'offer-accepted',
      actorRole: 'legal-aid-officer',
      platform: 'partner',
    },
    citizen: { phoneLast4: '5678', displayName: '张*' },
  },
});
