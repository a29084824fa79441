import { randomUUID } from 'node:crypto';
import { PartnerFeedItem, PartnerTransferUpdate, WorkOrderChanged } from '@legal/contracts';
import type { CloudEvent } from '@legal/contracts';
import { encodeCloudEvent } from '@legal/messaging';
import { projectFeedItem } from '../../../services/identity/src/partner-feed/partner-feed.projection';
import { decodePartnerRecord } from './events';
import type { PartnerRecord } from './events';

/** A record as identity's outbox writes it to a partner topic: the real codec, header values as Buffers (kafkajs). */
function record(type: string, data: unknown, subject: string = randomUUID()): PartnerRecord {
  const event: CloudEvent = {
    id: randomUUID(),
    source: 'legal/identity',
    type,
    specversion: '1.0',
    time: '2026-12-04T12:15:03.120Z',
    subject,
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    data,
  };
  const encoded = encodeCloudEvent(event);
  const headers = Object.fromEntries(Object.entries(encoded.headers).map(([k, v]) => [k, Buffer.from(v)]));
  return { key: Buffer.from(encoded.key), value: Buffer.from(encoded.value), headers };
}

describe('decodePartnerRecord (CloudEvents headers → validated partner payload)', () => {
  it('decodes a feed item with the agreed fields, typed by its source event', () => {
    const workOrderId = '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f';
    const data = { ...PartnerFeedItem.example, workOrderId, regionCode: '371324' };
    const decoded = decodePartnerRecord(record(PartnerFeedItem.type, data, workOrderId));
    if (!decoded.ok) throw new Error(decoded.errors.join('; '));
    expect(decoded.event.type).toBe('legal.partner.feed-item.v1');
    if (decoded.event.type !== 'legal.partner.feed-item.v1') return;
    expect(decoded.event.data).toEqual(data);
    expect(decoded.event.data.sourceType).toBe(WorkOrderChanged.type);
    expect(decoded.event.subject).toBe(workOrderId);
    expect(decoded.event.data.workOrderId).toBe(workOrderId);
    expect(decoded.event.time).toBe('2026-12-04T12:15:03.120Z');
  });

  it("decodes the item identity's projection makes of a work-order change for an agreement naming three fields", () => {
    const source = { type: WorkOrderChanged.type, time: '2026-12-04T12:15:00.000Z', data: WorkOrderChanged.example };
    const item = projectFeedItem(source, ['workOrderId', 'caseCode', 'status']);
    const decoded = decodePartnerRecord(record(PartnerFeedItem.type, item, WorkOrderChanged.example.workOrderId));
    if (!decoded.ok) throw new Error(decoded.errors.join('; '));
    expect(decoded.event.data).toEqual({
      workOrderId: WorkOrderChanged.example.workOrderId,
      caseCode: WorkOrderChanged.example.caseCode,
      status: WorkOrderChanged.example.status,
      occurredAt: '2026-12-04T12:15:00.000Z',
      sourceType: WorkOrderChanged.type,
    });
  });

  it('decodes a 12345 transfer update (registered with its case code)', () => {
    const decoded = decodePartnerRecord(record(PartnerTransferUpdate.type, PartnerTransferUpdate.example));
    if (!decoded.ok) throw new Error(decoded.errors.join('; '));
    if (decoded.event.type !== 'legal.partner.transfer-update.v1') throw new Error(`decoded as ${decoded.event.type}`);
    expect(decoded.event.data.stage).toBe('registered');
    expect(decoded.event.data.caseCode).toBe(PartnerTransferUpdate.example.caseCode);
  });

  it('refuses a feed item with a field no agreement can name (schema violation, the field named)', () => {
    const decoded = decodePartnerRecord(
      record(PartnerFeedItem.type, { ...PartnerFeedItem.example, idCardNumber: 'x' }),
    );
    expect(decoded).toMatchObject({ ok: false, reason: 'schema-violation' });
    expect(decoded.ok ? [] : decoded.errors.join(' ')).toContain('idCardNumber');
  });

  it('refuses a transfer update with a stage it does not know', () => {
    const decoded = decodePartnerRecord(
      record(PartnerTransferUpdate.type, { ...PartnerTransferUpdate.example, stage: 'lost' }),
    );
    expect(decoded).toMatchObject({ ok: false, reason: 'schema-violation' });
  });

  it('refuses an internal event type, a missing header, and a value that is not JSON', () => {
    expect(decodePartnerRecord(record(WorkOrderChanged.type, WorkOrderChanged.example))).toMatchObject({
      ok: false,
      reason: 'not-a-partner-event',
    });
    const noType = record(PartnerFeedItem.type, PartnerFeedItem.example);
    delete noType.headers?.ce_type;
    expect(decodePartnerRecord(noType)).toMatchObject({
      ok: false,
      reason: 'invalid-envelope',
      errors: ['missing header ce_type'],
    });
    const broken = { ...record(PartnerFeedItem.type, PartnerFeedItem.example), value: Buffer.from('{"occurredAt":') };
    expect(decodePartnerRecord(broken)).toMatchObject({ ok: false, reason: 'not-json' });
  });
});
