import { CloudEvent, EventData, IntakeRegistered, Progressed } from '@legal/contracts';
import type { DataSource } from 'typeorm';
import { encodeCloudEvent } from '../envelope/cloud-event.codec';
import type { ConsumedRecord } from './consumed-record';
import { acceptedByFilter } from './consumer-registration';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { MessageProcessor } from './message-processor';

function outcome(platform: string, n: number): CloudEvent<EventData<typeof IntakeRegistered>> {
  return {
    id: `a9b1c2d3-0000-4000-8000-${String(n).padStart(12, '0')}`,
    source: '/legal/work-order',
    type: IntakeRegistered.type,
    specversion: '1.0',
    time: '2026-12-05T04:00:00.000Z',
    subject: IntakeRegistered.example.intakeId,
    datacontenttype: 'application/json',
    correlationid: `corr-filter-${n}`,
    data: { ...IntakeRegistered.example, platform } as EventData<typeof IntakeRegistered>,
  };
}

function record(event: CloudEvent, offset: number): ConsumedRecord {
  const encoded = encodeCloudEvent(event);
  return {
    topic: 'legal.intake.outcome',
    partition: 0,
    offset: String(offset),
    key: Buffer.from(encoded.key),
    value: Buffer.from(encoded.value),
    headers: encoded.headers,
    timestamp: '0',
  };
}

describe("a consumer registration's accepts filter", () => {
  const ownPlatform = (e: CloudEvent<EventData<typeof IntakeRegistered>>): boolean => e.data.platform === 'portal';

  it('keeps every event when the registration has no filter', () => {
    expect(acceptedByFilter({}, outcome('hotline', 1))).toBe(true);
  });

  it("answers the filter's verdict", () => {
    expect(acceptedByFilter({ accepts: ownPlatform }, outcome('portal', 1))).toBe(true);
    expect(acceptedByFilter({ accepts: ownPlatform }, outcome('hotline', 2))).toBe(false);
  });

  it('keeps the event when the filter throws: the handler (retries, dead letters) decides, nothing is lost', () => {
    const broken = (): boolean => {
      throw new Error('bug in the filter');
    };
    expect(acceptedByFilter({ accepts: broken }, outcome('portal', 1))).toBe(true);
  });

  it('acknowledges refused events without any database work or dead letter', async () => {
    const untouchable = new Proxy(
      {},
      {
        get: () => {
          throw new Error('refused events must not touch the database');
        },
      },
    ) as DataSource;
    const handle = jest.fn();
    const publish = jest.fn();
    const processor = new MessageProcessor({
      registration: { group: 'portal-intake-outcome', events: [IntakeRegistered], accepts: ownPlatform, handle },
      groupId: 'test.portal.portal-intake-outcome',
      serviceName: 'portal',
      dataSource: untouchable,
      deadLetters: { publish } as unknown as DeadLetterPublisher,
    } as ConstructorParameters<typeof MessageProcessor>[0]);
    const records = [record(outcome('hotline', 1), 0), record(outcome('centre', 2), 1)];
    const stopping = new AbortController().signal;
    const summary = await processor.processMany(records, { heartbeat: async () => undefined, stopping });
    expect(summary).toEqual({ handled: 0, duplicate: 0, skipped: 2, 'dead-lettered': 0 });
    expect(handle).not.toHaveBeenCalled();
    expect(publish).not.toHaveBeenCalled();
  });

  it('still dead-letters an invalid event: the filter only sees valid ones', async () => {
    const publish = jest.fn(async () => undefined);
    const accepts = jest.fn(() => false);
    const processor = new MessageProcessor({
      registration: { group: 'picky', events: [Progressed], accepts, handle: jest.fn() },
      groupId: 'test.picky',
      serviceName: 'legal-aid',
      dataSource: {} as DataSource,
      deadLetters: { publish } as unknown as DeadLetterPublisher,
    } as ConstructorParameters<typeof MessageProcessor>[0]);
    const invalid = record({ ...outcome('portal', 3), type: Progressed.type }, 0);
    const stopping = new AbortController().signal;
    const summary = await processor.processMany([invalid], { heartbeat: async () => undefined, stopping });
    expect(summary['dead-lettered']).toBe(1);
    expect(accepts).not.toHaveBeenCalled();
  });
});
