import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { SealedJwe } from '../sealing';
import { PARTNER_FEED, TOPICS } from '../topics';
import {
  CaseCode,
  RegionCode,
  ServiceType,
  strictObject,
  Timestamp,
  Uuid,
  WorkOrderStatus,
} from '../schemas/common.schema';

/** What became of a matter 12345 transferred to 12348, and a 12348 matter transferred out to 12345. */
export const TRANSFER_STAGES = [
  'received',
  'registered',
  'linked',
  'rejected',
  'status',
  'transferred-out',
  'refused',
] as const;

/** Why a transferred-out matter carries no callback contact for 12345. */
export const CALLBACK_WITHHELD_REASONS = ['caller-did-not-consent', 'no-contact-on-record', 'no-partner-key'] as const;

const sealedHeader = SealedJwe.properties.recipients.items.properties.header.properties;

/**
 * Personal data sealed for one partner client (JWE as `SealedJwe`, one recipient): the recipient is the client's
 * broker principal `partner-<clientId>`, whose X25519 public key the operator lists in identity's
 * PII_TRANSIT_DIRECTORY; only the client holding the private key opens it. Its own schema because a client id may
 * hold digits and dots, which SealedJwe's service-name kid does not allow.
 */
export const PartnerSealedJwe = Type.Object(
  {
    ...SealedJwe.properties,
    recipients: Type.Array(
      Type.Object(
        {
          header: Type.Object(
            {
              alg: sealedHeader.alg,
              kid: Type.String({
                pattern: '^partner-[A-Za-z0-9._-]{1,64}/[A-Za-z0-9._-]{1,64}$',
                description: 'partner-<clientId>/<key id>',
              }),
              epk: sealedHeader.epk,
            },
            { description: 'Per-recipient unprotected header' },
          ),
          encrypted_key: SealedJwe.properties.recipients.items.properties.encrypted_key,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1, description: 'The one partner client it is sealed for' },
    ),
  },
  {
    additionalProperties: false,
    description:
      'Sealed for one partner client: JWE General JSON (RFC 7516), enc A256GCM, alg ECDH-ES+A256KW over X25519, kid ' +
      'partner-<clientId>/<key id>. The plaintext is JSON {name?, phone?}.',
  },
);

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
      reference: Type.String({
        minLength: 1,
        maxLength: 64,
        description: "The partner's own reference of the matter (its idempotency key)",
      }),
      direction: Type.Union([Type.Literal('in'), Type.Literal('out')], {
        description: 'in: 12345 → 12348; out: 12348 → 12345',
      }),
      stage: Type.Union(TRANSFER_STAGES.map((s) => Type.Literal(s))),
      caseCode: Type.Optional(CaseCode),
      status: Type.Optional(WorkOrderStatus),
      statusText: Type.Optional(Type.String({ maxLength: 500, description: 'Plain-language status, dated' })),
      organisationName: Type.Optional(Type.String({ maxLength: 200 })),
      reasons: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 })),
      serviceType: Type.Optional(ServiceType),
      regionCode: Type.Optional(RegionCode),
      summary: Type.Optional(
        Type.String({ maxLength: 2000, description: 'transferred-out: why, and the matter for 12345' }),
      ),
      callback: Type.Optional(PartnerSealedJwe),
      callbackWithheld: Type.Optional(
        Type.Union(
          CALLBACK_WITHHELD_REASONS.map((r) => Type.Literal(r)),
          { description: 'transferred-out without callback: why (no consent, no contact, no key for this client)' },
        ),
      ),
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

/** How 12345 obtained the caller's consent to the transfer (the REST route's list). */
export const TRANSFER_CONSENT_METHODS = ['recorded-call', 'written', 'online'] as const;

const TransferConsent = strictObject(
  {
    given: Type.Boolean(),
    obtainedAt: Timestamp,
    method: Type.Union(TRANSFER_CONSENT_METHODS.map((m) => Type.Literal(m))),
  },
  "The caller's consent to the transfer",
);

/**
 * 12348 → 12345 handover (work-order → identity): a hotline agent or supervisor transferred a matter that belongs to
 * 12345 out; its work order is closed (the `transferred-to-12345` step of legal.workorder.changed, same key, just
 * before). Carries what 12345 needs to take it over and, only when the caller consented to be called back by 12345,
 * the caller's contact sealed for identity, which re-seals it for the covering 12345 client(s) on their own feed.
 */
export const WorkOrderTransferredTo12345 = defineEvent({
  type: 'legal.workorder.transferred-out.v1',
  topic: TOPICS.workOrderChanged.name,
  summary:
    "A 12348 matter handed over to the 12345 hotline: the matter for 12345, the caller's consent and (with consent) " +
    "the caller's contact sealed for identity. Key: the work order id",
  producers: ['work-order'],
  consumers: ['identity'],
  sealed: ['caller'],
  schema: strictObject(
    {
      workOrderId: Uuid,
      caseCode: CaseCode,
      status: WorkOrderStatus,
      serviceType: ServiceType,
      regionCode: RegionCode,
      summary: Type.String({ minLength: 1, maxLength: 2000, description: 'Why, and the matter for 12345' }),
      transferredAt: Timestamp,
      consent: Type.Optional(TransferConsent),
      caller: Type.Optional(
        strictObject(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            phone: Type.Optional(Type.String({ pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$' })),
          },
          "The caller's contact for 12345's callback (only with consent)",
        ),
      ),
    },
    '12348 → 12345 handover',
  ),
  example: {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    caseCode: '371321-20261128-000001-7',
    status: 'closed',
    serviceType: 'legal-consultation',
    regionCode: '371324',
    summary: '转至12345政务服务便民热线办理 (transferred to the 12345 hotline): 非法律服务事项 — 小区供暖不达标',
    transferredAt: '2026-12-04T12:15:03.000Z',
    consent: { given: true, obtainedAt: '2026-12-04T12:14:00.000Z', method: 'recorded-call' },
    caller: { name: '王五', phone: '13912340000' },
  },
});

/**
 * A 12345 transfer produced as an event by the 12345 partner client (the REST route POST /partner/transfers as
 * a record on legal.partner.notice, the topic partner principals may write). The broker lets every partner write
 * that topic, so the record does not say who sent it: it carries the sender's access token, verified by identity
 * as of the event's time, and the transfer is the token's client's (refused — dead-lettered with the reason — if
 * that client is not an active 12345 client). Idempotent per (client, reference) with the REST route; without the
 * caller's consent it is refused with a `refused` item on the client's feed. Key: the reference.
 */
export const PartnerTransferRequest = defineEvent({
  type: 'legal.partner.transfer-request.v1',
  topic: TOPICS.partnerNotice.name,
  summary:
    "12345 transfers a matter to 12348 by event (reference, the caller's consent, the matter, the sender's token)",
  producers: ['partner-agencies'],
  consumers: ['identity'],
  sealed: ['matter', 'partnerToken'],
  schema: strictObject(
    {
      reference: Type.String({
        pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$',
        description: "12345's own reference (idempotency key)",
      }),
      consent: Type.Optional(TransferConsent),
      matter: strictObject(
        {
          description: Type.String({ minLength: 1, maxLength: 5000 }),
          regionCode: RegionCode,
          serviceType: Type.Optional(ServiceType),
          urgency: Type.Optional(Type.Union([Type.Literal('normal'), Type.Literal('urgent')])),
          vulnerableGroup: Type.Optional(Type.Boolean()),
          language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)?$' })),
          callerName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          callerPhone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$' })),
        },
        'The matter as 12345 recorded it',
      ),
      partnerToken: Type.String({
        minLength: 20,
        maxLength: 4096,
        description:
          "The sending 12345 client's access token (client credentials), valid at the event's time: whose transfer it is. " +
          'Sealed for identity; never stored',
      }),
    },
    '12345 transfer request',
  ),
  example: {
    reference: '12345-20261204-000123',
    consent: { given: true, obtainedAt: '2026-12-04T12:10:00.000Z', method: 'recorded-call' },
    matter: { description: '工地拖欠工资两万元，老板一直不给', regionCode: '371324101', serviceType: 'legal-aid' },
    partnerToken: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJob3RsaW5lLTEyMzQ1In0.c2lnbmF0dXJl',
  },
});

/**
 * What one 12345 partner client covers, published by identity whenever a 12345 client is registered or changed (and
 * for every 12345 client at start-up), keyed by the client id on a compacted topic: work-order projects it and refuses
 * a transfer out (409 no-12345-coverage) when no active 12345 client covers the matter's region.
 */
export const PartnerClientCoverage = defineEvent({
  type: 'legal.partner.client-coverage.v1',
  topic: TOPICS.partnerClients.name,
  summary:
    "A 12345 partner client's coverage: active or not, and its region (none: all of Shandong). Key: the client id",
  producers: ['identity'],
  consumers: ['work-order'],
  schema: strictObject(
    {
      clientId: Type.String({ minLength: 1, maxLength: 151 }),
      channel: Type.Literal('12345'),
      active: Type.Boolean({ description: 'false: disabled, covers nothing' }),
      regionCode: Type.Optional(RegionCode),
      changedAt: Timestamp,
    },
    "A 12345 client's coverage",
  ),
  example: {
    clientId: 'hotline-12345-linyi',
    channel: '12345',
    active: true,
    regionCode: '371300',
    changedAt: '2026-12-04T08:00:00.000Z',
  },
});
