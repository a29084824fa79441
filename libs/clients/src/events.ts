import { CE_HEADERS, checkEventPayload, PartnerFeedItem, PartnerTransferUpdate } from '@legal/contracts';
import type { EventData } from '@legal/contracts';

/**
 * A typed decoder of the records on a partner's own topic (legal.partner.feed.<clientId>): the CloudEvents
 * headers (Kafka binary content mode: `ce_*` headers, the JSON `data` as the value) checked, and the payload
 * validated against the JSON Schema of its type in @legal/contracts, the schema docs/asyncapi.yaml publishes.
 * Only the two event types a partner feed carries decode; anything else is refused with the reason.
 */
export const FEED_ITEM_TYPE = 'legal.partner.feed-item.v1';
export const TRANSFER_UPDATE_TYPE = 'legal.partner.transfer-update.v1';
export const PARTNER_EVENT_TYPES = [FEED_ITEM_TYPE, TRANSFER_UPDATE_TYPE] as const;
// The literals (for narrowing on `event.type`) are the definitions' types; a renamed or re-versioned type fails here.
if (PartnerFeedItem.type !== FEED_ITEM_TYPE || PartnerTransferUpdate.type !== TRANSFER_UPDATE_TYPE) {
  throw new Error('@legal/clients partner event types differ from @legal/contracts');
}

/** The CloudEvents attributes of a record, as read from its headers. */
export interface PartnerEventEnvelope {
  id: string;
  source: string;
  specversion: '1.0';
  time: string;
  subject: string;
  correlationid?: string;
  causationid?: string;
}

/**
 * A feed item carries only the fields the partner's data-sharing agreement names, each typed as in the
 * lifecycle event `sourceType` it came from; `occurredAt` and `sourceType` are always there.
 */
export type PartnerFeedItemData = EventData<typeof PartnerFeedItem> & {
  workOrderId?: string;
  caseCode?: string;
  status?: string;
  serviceType?: string;
  regionCode?: string;
  [agreedField: string]: unknown;
};
export type PartnerTransferUpdateData = EventData<typeof PartnerTransferUpdate>;

export type PartnerEvent =
  | ({ type: typeof FEED_ITEM_TYPE; data: PartnerFeedItemData } & PartnerEventEnvelope)
  | ({ type: typeof TRANSFER_UPDATE_TYPE; data: PartnerTransferUpdateData } & PartnerEventEnvelope);

export type PartnerDecodeResult =
  | { ok: true; event: PartnerEvent }
  | {
      ok: false;
      reason: 'invalid-envelope' | 'not-json' | 'not-a-partner-event' | 'schema-violation';
      errors: string[];
    };

/** A Kafka record as kafkajs (or any client) hands it over: header values as Buffers or strings. */
export interface PartnerRecord {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function text(value: Buffer | string | (Buffer | string)[] | undefined | null): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return undefined;
  return Buffer.isBuffer(first) ? first.toString('utf8') : first;
}

/** Decodes and validates one record of a partner feed topic. Never throws. */
export function decodePartnerRecord(record: PartnerRecord): PartnerDecodeResult {
  const header = (name: string): string | undefined => text(record.headers?.[name]) || undefined;
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = header(name);
    if (value === undefined) problems.push(`missing header ${name}`);
    return value ?? '';
  };
  const id = required(CE_HEADERS.id);
  const source = required(CE_HEADERS.source);
  const type = required(CE_HEADERS.type);
  const specversion = required(CE_HEADERS.specversion);
  const time = required(CE_HEADERS.time);
  const subject = required(CE_HEADERS.subject);
  const contentType = header(CE_HEADERS.contentType);
  if (specversion !== '' && specversion !== '1.0') problems.push(`unsupported ce_specversion ${specversion}`);
  if (time !== '' && (!RFC3339.test(time) || Number.isNaN(Date.parse(time))))
    problems.push(`ce_time ${time} is not RFC 3339`);
  if (contentType !== undefined && !/^application\/json\s*(;.*)?$/i.test(contentType)) {
    problems.push(`content-type ${contentType} is not application/json`);
  }
  if (problems.length > 0) return { ok: false, reason: 'invalid-envelope', errors: problems };
  if (!(PARTNER_EVENT_TYPES as readonly string[]).includes(type)) {
    return { ok: false, reason: 'not-a-partner-event', errors: [`${type} is not an event of a partner feed`] };
  }
  const value = text(record.value);
  let data: unknown;
  try {
    if (value === undefined || value === '') throw new Error('record has no value');
    data = JSON.parse(value) as unknown;
  } catch (e) {
    return { ok: false, reason: 'not-json', errors: [e instanceof Error ? e.message : String(e)] };
  }
  const check = checkEventPayload(type, data);
  if (!check.ok) return { ok: false, reason: 'schema-violation', errors: check.errors };
  const correlationid = header(CE_HEADERS.correlationid);
  const causationid = header(CE_HEADERS.causationid);
  const envelope: PartnerEventEnvelope = {
    id,
    source,
    specversion: '1.0',
    time,
    subject,
    ...(correlationid ? { correlationid } : {}),
    ...(causationid ? { causationid } : {}),
  };
  return { ok: true, event: { ...envelope, type, data } as PartnerEvent };
}
