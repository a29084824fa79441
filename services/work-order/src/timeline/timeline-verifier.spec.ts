import { GENESIS_HASH, timelineEntryHash } from '../work-orders/timeline-hash';
import { StoredEntry, verifyTimelineChain } from './timeline-verifier';

function chain(n: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
      seq,
      at: new Date(Date.UTC(2025, 10, 28, 2, seq)),
      action: `step-${seq}`,
      actorRole: 'system',
      actorId: null,
      platform: null,
      fromStatus: seq === 1 ? null : 'received',
      toStatus: 'received',
      note: null,
      data: { b: 2, a: [1, { z: true, y: null }] },
      prevHash: prev,
    } as const;
    const entry: StoredEntry = {
      ...fields,
      data: { ...fields.data },
      hash: timelineEntryHash({ ...fields, data: { ...fields.data } }),
    };
    entries.push(entry);
    prev = entry.hash;
  }
  return entries;
}

describe('timeline hash chain', () => {
  it('holds for an untouched chain, whatever the key order of the stored JSON', () => {
    const entries = chain(3);
    const reordered = entries.map((e) => ({ ...e, data: { a: e.data.a, b: e.data.b } }));
    expect(verifyTimelineChain(reordered, entries[2].hash, 3)).toEqual({ valid: true, entries: 3 });
  });

  it('reports the first edited entry', () => {
    const entries = chain(4);
    entries[1] = { ...entries[1], note: 'rewritten' };
    entries[2] = { ...entries[2], actorId: 'someone-else' };
    expect(verifyTimelineChain(entries, entries[3].hash, 4).firstBroken).toMatchObject({
      seq: 2,
      reason: 'hash-mismatch',
    });
  });

  it('detects a re-hashed edit by the broken link to the next entry', () => {
    const entries = chain(3);
    const edited = { ...entries[1], note: 'rewritten' };
    entries[1] = { ...edited, hash: timelineEntryHash(edited) };
    expect(verifyTimelineChain(entries, entries[2].hash, 3).firstBroken).toMatchObject({
      seq: 3,
      reason: 'prev-hash-mismatch',
    });
  });

  it('detects a removed middle entry and a removed tail', () => {
    const entries = chain(4);
    expect(verifyTimelineChain([entries[0], entries[2], entries[3]], entries[3].hash, 4).firstBroken).toMatchObject({
      seq: 3,
      reason: 'sequence-gap',
    });
    expect(verifyTimelineChain(entries.slice(0, 3), entries[3].hash, 4).firstBroken).toMatchObject({
      seq: 3,
      reason: 'head-mismatch',
    });
  });
});
