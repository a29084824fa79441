import type { Deadline } from '@legal/contracts';
import type { EntityManager } from 'typeorm';
import type { HandlerReporter } from '../reports/handler-reporter';
import { announceRecomputed, CALENDAR_ACTOR, crossesChangedDay, recomputedDetail } from './calendar-clocks';

// 2026-12-21T02:00Z is 2026-12-21 10:00 in Asia/Shanghai; due 2027-01-12 17:00 Shanghai.
const start = new Date('2026-12-21T02:00:00Z');
const due = new Date('2027-01-12T09:00:00Z');

describe('crossesChangedDay', () => {
  it('is true when a changed day lies after the start day and up to the due day', () => {
    expect(crossesChangedDay(['2027-01-04'], start, due)).toBe(true);
    expect(crossesChangedDay(['2027-01-12'], start, due)).toBe(true);
  });

  it('is false for the start day itself, days before it and days after the due day', () => {
    expect(crossesChangedDay(['2026-12-21'], start, due)).toBe(false);
    expect(crossesChangedDay(['2026-12-01'], start, due)).toBe(false);
    expect(crossesChangedDay(['2027-01-13', '2027-02-10'], start, due)).toBe(false);
    expect(crossesChangedDay([], start, due)).toBe(false);
  });

  it('compares Shanghai days, not UTC days', () => {
    // 2027-01-12T17:30Z is already 2027-01-13 in Shanghai, so a change on the 13th is crossed.
    expect(crossesChangedDay(['2027-01-13'], start, new Date('2027-01-12T17:30:00Z'))).toBe(true);
  });
});

describe('recomputedDetail', () => {
  it('names the year, the version and the old and new due days in Shanghai time', () => {
    const applied = { year: 2027, version: 3, changedDays: [] };
    const text = recomputedDetail(applied, 'mediation term', due, new Date('2027-01-13T09:00:00Z'));
    expect(text).toBe('Official holiday calendar 2027 loaded (version 3); mediation term due 2027-01-12 → 2027-01-13');
  });
});

describe('announceRecomputed', () => {
  const applied = { year: 2027, version: 3, changedDays: [] };
  const after = new Date('2027-01-13T09:00:00Z');
  const detail = recomputedDetail(applied, 'mediation term', due, after);

  function reporter(calls: string[]): { reports: HandlerReporter; progressed: jest.Mock } {
    const progressed = jest.fn(async () => void calls.push('report'));
    return { reports: { progressed } as unknown as HandlerReporter, progressed };
  }

  it('records the history entry, then reports Progressed, with one detail and one time', async () => {
    const calls: string[] = [];
    const record = jest.fn(async () => void calls.push('history'));
    const { reports, progressed } = reporter(calls);
    const manager = {} as EntityManager;
    const about = { workOrderId: 'wo-1', id: 'case-1' };
    const deadlines: Deadline[] = [
      {
        kind: 'mediation-term',
        dueAt: after.toISOString(),
        rule: 'calendar-days',
        explanation: 'x',
        status: 'running',
      },
    ];

    await announceRecomputed(manager, reports, applied, {
      what: 'mediation term',
      before: due,
      after,
      record,
      report: { about, deadlines },
    });

    expect(calls).toEqual(['history', 'report']);
    const entry = { step: 'deadline-recomputed', actorId: CALENDAR_ACTOR, detail, at: expect.any(Date) };
    expect(record).toHaveBeenCalledWith(entry);
    const [{ at }] = record.mock.calls[0] as unknown as [{ at: Date }];
    expect(progressed).toHaveBeenCalledWith(manager, { ...entry, about, deadlines, at });
  });

  it('only records the history entry for a clock without a report', async () => {
    const calls: string[] = [];
    const record = jest.fn(async () => void calls.push('history'));
    const { reports } = reporter(calls);
    await announceRecomputed({} as EntityManager, reports, applied, {
      what: 'mediation term',
      before: due,
      after,
      record,
      report: null,
    });
    expect(calls).toEqual(['history']);
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ detail }));
  });
});
