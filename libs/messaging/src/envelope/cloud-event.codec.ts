import { CE_HEADERS, CloudEvent } from '@legal/contracts';
import type { IHeaders } from 'kafkajs';

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: value = JSON of `data`, key =
 * `subject`, every other attribute a `ce_` header, plus `content-type: application/json`.
 */
export interface EncodedRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export type HeaderMap = Record<string, string>;

export type EnvelopeResult =
  { ok: true; envelope: Omit<CloudEvent, 'data'> } | { ok: false; reason: 'invalid-envelope'; error: string };
export type DataResult = { ok: true; data: unknown } | { ok: false; reason: 'not-json'; error: string };
export type DecodeResult =
  { ok: true; event: CloudEvent } | { ok: false; reason: 'invalid-envelope' | 'not-json'; error: string };

const MAX_ATTRIBUTE_LENGTH = 200;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function encodeCloudEvent(event: CloudEvent): EncodedRecord {
  const headers: Record<string, string> = {
    [CE_HEADERS.id]: event.id,
    [CE_HEADERS.source]: event.source,
    [CE_HEADERS.type]: event.type,
    [CE_HEADERS.specversion]: event.specversion,
    [CE_HEADERS.time]: event.time,
    [CE_HEADERS.subject]: event.subject,
    [CE_HEADERS.correlationid]: event.correlationid,
    [CE_HEADERS.contentType]: event.datacontenttype,
  };
  if (event.causationid) headers[CE_HEADERS.causationid] = event.causationid;
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

/** kafkajs headers (Buffers, strings or arrays of them) as plain strings; the first value wins. */
export function headersToStrings(headers: IHeaders | undefined): HeaderMap {
  const out: HeaderMap = {};
  if (!headers) return out;
  // for...in rather than Object.entries: no [name, value] pair array per header of every consumed record.
  for (const name in headers) {
    if (!Object.prototype.hasOwnProperty.call(headers, name)) continue;
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) continue;
    out[name] = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  }
  return out;
}

function attribute(
  headers: HeaderMap,
  name: string,
  problems: string[],
  presence: 'required' | 'optional',
): string | undefined {
  const value = headers[name];
  if (value === undefined || value === '') {
    if (presence === 'required') problems.push(`missing header ${name}`);
    return undefined;
  }
  if (value.length > MAX_ATTRIBUTE_LENGTH)
    problems.push(`header ${name} longer than ${MAX_ATTRIBUTE_LENGTH} characters`);
  return value;
}

/** Checks the `ce_*` headers as if they came from a stranger. */
export function decodeEnvelope(headers: HeaderMap): EnvelopeResult {
  const problems: string[] = [];
  const id = attribute(headers, CE_HEADERS.id, problems, 'required');
  const source = attribute(headers, CE_HEADERS.source, problems, 'required');
  const type = attribute(headers, CE_HEADERS.type, problems, 'required');
  const specversion = attribute(headers, CE_HEADERS.specversion, problems, 'required');
  const time = attribute(headers, CE_HEADERS.time, problems, 'required');
  const subject = attribute(headers, CE_HEADERS.subject, problems, 'required');
  const correlationid = attribute(headers, CE_HEADERS.correlationid, problems, 'optional');
  const causationid = attribute(headers, CE_HEADERS.causationid, problems, 'optional');
  const contentType = headers[CE_HEADERS.contentType];
  if (specversion !== undefined && specversion !== '1.0') problems.push(`unsupported ce_specversion ${specversion}`);
  if (time !== undefined && (!RFC3339.test(time) || Number.isNaN(Date.parse(time))))
    problems.push(`ce_time ${time} is not an RFC 3339 timestamp`);
  if (contentType !== undefined && !/^application\/json\s*(;.*)?$/i.test(contentType))
    problems.push(`content-type ${contentType} is not application/json`);
  if (problems.length > 0 || !id || !source || !type || !time || !subject) {
    return { ok: false, reason: 'invalid-envelope', error: problems.join('; ') };
  }
  return {
    ok: true,
    envelope: {
      id,
      source,
      type,
      specversion: '1.0',
      time,
      subject,
      datacontenttype: 'application/json',
      correlationid: correlationid ?? id,
      ...(causationid ? { causationid } : {}),
    },
  };
}

export function decodeData(value: Buffer | string | null): DataResult {
  if (value === null || value.length === 0) return { ok: false, reason: 'not-json', error: 'record has no value' };
  try {
    return { ok: true, data: JSON.parse(Buffer.isBuffer(value) ? value.toString('utf8') : value) as unknown };
  } catch (e) {
    return { ok: false, reason: 'not-json', error: `value is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Envelope and JSON only; the payload's schema is checked by the caller (checkEventPayload). */
export function decodeCloudEvent(record: { headers?: IHeaders; value: Buffer | string | null }): DecodeResult {
  const envelope = decodeEnvelope(headersToStrings(record.headers));
  if (!envelope.ok) return envelope;
  const data = decodeData(record.value);
  if (!data.ok) return data;
  return { ok: true, event: { ...envelope.envelope, data: data.data } };
}
