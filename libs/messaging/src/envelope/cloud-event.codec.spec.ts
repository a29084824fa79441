import { CE_HEADERS, CloudEvent, IntakeSubmitted } from '@legal/contracts';
import { decodeCloudEvent, decodeEnvelope, encodeCloudEvent, headersToStrings } from './cloud-event.codec';

const event: CloudEvent = {
  id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
  source: '/legal/hotline',
  type: IntakeSubmitted.type,
  specversion: '1.0',
  time: '2026-11-28T02:15:00.000Z',
  subject: IntakeSubmitted.example.intakeId,
  datacontenttype: 'application/json',
  correlationid: 'corr-12345678',
  causationid: 'cause-12345678',
  data: IntakeSubmitted.example,
};

function asKafkaHeaders(headers: Record<string, string>): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));
}

describe('CloudEvents binary-mode codec', () => {
  it('puts data in the value, subject in the key and every attribute in a ce_ header', () => {
    const record = encodeCloudEvent(event);
    expect(record.key).toBe(event.subject);
    expect(JSON.parse(record.value)).toEqual(event.data);
    expect(record.headers).toEqual({
      ce_id: event.id,
      ce_source: '/legal/hotline',
      ce_type: IntakeSubmitted.type,
      ce_specversion: '1.0',
      ce_time: event.time,
      ce_subject: event.subject,
      ce_correlationid: 'corr-12345678',
      ce_causationid: 'cause-12345678',
      'content-type': 'application/json',
    });
  });

  it('omits ce_causationid when the event has no cause', () => {
    const { causationid: _omitted, ...withoutCause } = event;
    expect(encodeCloudEvent(withoutCause).headers).not.toHaveProperty(CE_HEADERS.causationid);
  });

  it('decodes what it encodes (headers arriving as Buffers, as kafkajs delivers them)', () => {
    const record = encodeCloudEvent(event);
    const decoded = decodeCloudEvent({ headers: asKafkaHeaders(record.headers), value: Buffer.from(record.value) });
    expect(decoded).toEqual({ ok: true, event });
  });

  it('defaults the correlation id to the event id when a producer sent none', () => {
    const { ce_correlationid: _none, ...headers } = encodeCloudEvent(event).headers;
    const decoded = decodeEnvelope(headers);
    expect(decoded.ok && decoded.envelope.correlationid).toBe(event.id);
  });

  it.each([
    ['a missing ce_id', { ce_id: '' }, /missing header ce_id/],
    ['an unsupported spec version', { ce_specversion: '0.3' }, /unsupported ce_specversion/],
    ['a time that is not RFC 3339', { ce_time: 'yesterday' }, /not an RFC 3339 timestamp/],
    ['a non-JSON content type', { 'content-type': 'text/plain' }, /not application\/json/],
    ['an over-long subject', { ce_subject: 'x'.repeat(201) }, /longer than 200/],
  ])('rejects an envelope with %s as invalid-envelope', (_case, override, message) => {
    const headers = { ...encodeCloudEvent(event).headers, ...override };
    const decoded = decodeEnvelope(headers);
    expect(decoded).toMatchObject({ ok: false, reason: 'invalid-envelope' });
    expect(!decoded.ok && decoded.error).toMatch(message);
  });

  it('reports a value that is not JSON as not-json', () => {
    const headers = asKafkaHeaders(encodeCloudEvent(event).headers);
    expect(decodeCloudEvent({ headers, value: Buffer.from('{not json') })).toMatchObject({
      ok: false,
      reason: 'not-json',
    });
    expect(decodeCloudEvent({ headers, value: null })).toMatchObject({ ok: false, reason: 'not-json' });
  });

  it('reads the first value of repeated headers and skips undefined ones', () => {
    expect(headersToStrings({ a: [Buffer.from('1'), '2'], b: undefined, c: 'x' })).toEqual({ a: '1', c: 'x' });
  });
});
