import { Static, TSchema, Type } from '@sinclair/typebox';
import { HANDLER_SERVICE_CODES } from '../registry/service-registry';
import type { HandlerServiceCode } from '../registry/service-registry';

/** Building blocks shared by event payloads. Every schema here is also published in AsyncAPI. */
export const Uuid = Type.String({
  format: 'uuid',
  description: 'UUID',
  examples: ['1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed'],
});
export const Timestamp = Type.String({ format: 'date-time', description: 'RFC 3339 instant' });
export const RegionCode = Type.String({
  pattern: '^37\\d{4}(\\d{3}(\\d{3})?)?$',
  description: 'GB/T 2260 division code in Shandong: 6 digits (province/city/county), 9 (township) or 12 (village)',
  examples: ['371321'],
});
export const CaseCode = Type.String({
  pattern: '^[0-9A-Z*=-]{10,40}$',
  description: 'One-case-one-code (一案一码) case code, validated by its check character',
});

/**
 * Where a request or action came from: the three platforms, a partner agency, and `12345` — a matter
 * transferred from the 12345 government service hotline (归并整合, 转接机制) through its partner client.
 */
export const PLATFORMS = ['hotline', 'portal', 'centre', 'partner', '12345'] as const;
export const Platform = Type.Union(
  PLATFORMS.map((p) => Type.Literal(p)),
  {
    description: 'Where a request or action came from (12345: transferred from the 12345 government service hotline)',
  },
);
export type Platform = Static<typeof Platform>;

export const SERVICE_TYPES = [
  'legal-consultation',
  'legal-aid',
  'duty-lawyer',
  'notified-defence',
  'mediation',
  'notarization',
  'judicial-appraisal',
  'arbitration',
  'lawyer-referral',
  'grassroots-legal-service',
  'village-legal-adviser',
  'complaint',
] as const;
export const ServiceType = Type.Union(
  SERVICE_TYPES.map((s) => Type.Literal(s)),
  { description: 'Service catalogue code' },
);
export type ServiceType = Static<typeof ServiceType>;

/**
 * `handler` values that are not handler services: consultations answered by the 12348 hotline, types routed
 * to a registered external agency, complaints for the supervision office. Stable wire values.
 */
export const NON_SERVICE_HANDLERS = ['hotline', 'external-agency', 'supervision'] as const;
/** Who handles a work order: a handler service of the registry (by its wire code) or a non-service handler. */
export type Handler = HandlerServiceCode | (typeof NON_SERVICE_HANDLERS)[number];
/** Every `handler` value: the registry's handler services first, then the non-service handlers. */
export const HANDLERS: readonly Handler[] = [...HANDLER_SERVICE_CODES, ...NON_SERVICE_HANDLERS];
export const Handler = Type.Union(
  HANDLERS.map((h) => Type.Literal(h)),
  { description: 'Which service handles the work order' },
);

export const WORK_ORDER_STATUSES = [
  'received',
  'triage',
  'offered',
  'accepted',
  'in-progress',
  'waiting-applicant',
  'resolved',
  'closed',
  'reopened',
  'supervisor-queue',
  'rejected',
  'cancelled',
  'merged',
] as const;
export const WorkOrderStatus = Type.Union(WORK_ORDER_STATUSES.map((s) => Type.Literal(s)));
export type WorkOrderStatus = Static<typeof WorkOrderStatus>;

export const Urgency = Type.Union([Type.Literal('normal'), Type.Literal('urgent')]);
export type Urgency = Static<typeof Urgency>;

export const Deadline = Type.Object(
  {
    kind: Type.String({
      description: 'e.g. legal-aid-decision, lawyer-appointment, notarization-certificate, mediation-term, callback',
      examples: ['legal-aid-decision'],
    }),
    dueAt: Timestamp,
    rule: Type.Union([Type.Literal('calendar-days'), Type.Literal('working-days'), Type.Literal('hours')]),
    explanation: Type.String({
      description: 'How the date was computed (start day not counted, holidays skipped ...)',
    }),
    status: Type.Union([
      Type.Literal('running'),
      Type.Literal('paused'),
      Type.Literal('met'),
      Type.Literal('breached'),
      Type.Literal('cancelled'),
    ]),
  },
  { additionalProperties: false },
);
export type Deadline = Static<typeof Deadline>;

/** Personal data of an applicant as the handler services receive it (never sent to partners). */
export const Applicant = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100 })),
    idCardNumber: Type.Optional(Type.String({ pattern: '^\\d{17}[\\dX]$', description: 'GB 11643 citizen ID number' })),
    phone: Type.Optional(Type.String({ pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$' })),
    address: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type Applicant = Static<typeof Applicant>;

export function strictObject<T extends Record<string, TSchema>>(properties: T, description: string) {
  return Type.Object(properties, { additionalProperties: false, description });
}
