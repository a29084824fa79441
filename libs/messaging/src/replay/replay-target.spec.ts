import { beyondDedupeWindow, letterEventTime, REPLAY_TARGET_GROUP_HEADER, replayTargetAllows } from './replay-target';

const DAY = 24 * 60 * 60 * 1000;

describe('replayTargetAllows', () => {
  it('lets every group handle an ordinary record', () => {
    expect(replayTargetAllows({ ce_id: Buffer.from('x') }, 'work-order.intake')).toBe(true);
  });

  it('lets only the targeted group handle a targeted replay', () => {
    const headers = { [REPLAY_TARGET_GROUP_HEADER]: Buffer.from('legal-aid.dispatch') };
    expect(replayTargetAllows(headers, 'legal-aid.dispatch')).toBe(true);
    expect(replayTargetAllows(headers, 'mediation.dispatch')).toBe(false);
    expect(replayTargetAllows({ [REPLAY_TARGET_GROUP_HEADER]: 'legal-aid.dispatch' }, 'legal-aid.dispatch')).toBe(true);
  });
});

describe('letterEventTime', () => {
  it('takes the earliest of the event time, the dead-lettering time and the record timestamp', () => {
    const headers = { ce_time: '2026-11-01T00:00:00.000Z', dlq_failed_at: '2026-11-02T00:00:00.000Z' };
    expect(letterEventTime(headers, String(Date.parse('2026-11-03T00:00:00Z')))).toBe(
      Date.parse('2026-11-01T00:00:00Z'),
    );
    expect(
      letterEventTime({ dlq_failed_at: '2026-11-02T00:00:00.000Z' }, String(Date.parse('2026-11-03T00:00:00Z'))),
    ).toBe(Date.parse('2026-11-02T00:00:00Z'));
  });

  it('ignores unparsable values and is undefined when nothing tells', () => {
    expect(letterEventTime({ ce_time: 'yesterday' }, '1764547200000')).toBe(1764547200000);
    expect(letterEventTime({ ce_time: 'yesterday' }, undefined)).toBeUndefined();
  });
});

describe('beyondDedupeWindow', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  const window = { retentionMs: 30 * DAY };

  it('accepts events the inboxes still remember, with a day kept in hand', () => {
    expect(beyondDedupeWindow(now - 28 * DAY, window, now)).toBe(false);
    expect(beyondDedupeWindow(now - 29 * DAY + 1000, window, now)).toBe(false);
  });

  it('refuses events older than the inbox retention less the margin, and events of unknown age', () => {
    expect(beyondDedupeWindow(now - 29 * DAY - 1000, window, now)).toBe(true);
    expect(beyondDedupeWindow(now - 40 * DAY, window, now)).toBe(true);
    expect(beyondDedupeWindow(undefined, window, now)).toBe(true);
    expect(beyondDedupeWindow(now - 2 * 60 * 60 * 1000, { retentionMs: 8 * DAY, marginMs: 0 }, now)).toBe(false);
  });
});
