import { CloudEvent, Progressed, Resolved } from '@legal/contracts';
import { encodeCloudEvent } from '../envelope/cloud-event.codec';
import type { ConsumedRecord } from './consumed-record';
import { classifyRecord } from './record-classifier';

function record(
  event: CloudEvent,
  overrides: { headers?: Record<string, string>; value?: string | null } = {},
): ConsumedRecord {
  const encoded = encodeCloudEvent(event);
  const value = overrides.value === undefined ? encoded.value : overrides.value;
  return {
    topic: 'legal.handler.report',
    partition: 0,
    offset: '7',
    key: Buffer.from(encoded.key),
    value: value === null ? null : Buffer.from(value),
    headers: { ...encoded.headers, ...overrides.headers },
    timestamp: '0',
  };
}

const progressed: CloudEvent = {
  id: 'a9b1c2d3-0000-4000-8000-000000000001',
  source: '/legal/legal-aid',
  type: Progressed.type,
  specversion: '1.0',
  time: '2026-11-28T03:00:00.000Z',
  subject: Progressed.example.workOrderId,
  datacontenttype: 'application/json',
  correlationid: 'corr-classifier-1',
  data: Progressed.example,
};
const accepted = new Set([Progressed.type]);

describe('classifying a consumed record', () => {
  it('hands a valid event of an accepted type to the handler, decoded', () => {
    expect(classifyRecord(record(progressed), accepted)).toMatchObject({ kind: 'handle', event: progressed });
  });

  it('skips a known type the group does not handle, without parsing its value', () => {
    const resolved = { ...progressed, type: Resolved.type };
    expect(classifyRecord(record(resolved, { value: 'not even json' }), accepted)).toMatchObject({
      kind: 'skip',
      type: Resolved.type,
    });
  });

  it.each([
    ['invalid-envelope', { headers: { ce_specversion: '2.0' } }],
    ['unknown-type', { headers: { ce_type: 'legal.handler.progressed.v7' } }],
    ['not-json', { value: '{"workOrderId":' }],
    ['schema-violation', { value: JSON.stringify({ ...Progressed.example, unexpected: true }) }],
  ] as const)('rejects with reason %s', (reason, overrides) => {
    expect(classifyRecord(record(progressed, overrides), accepted)).toMatchObject({ kind: 'reject', reason });
  });
});
