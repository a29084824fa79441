import { toShanghaiTime } from './shanghai-time';

describe('toShanghaiTime', () => {
  it('shows a UTC instant as Beijing time with its +08:00 offset', () => {
    expect(toShanghaiTime('2026-12-04T12:15:00.000Z')).toBe('2026-12-04T20:15:00+08:00');
    expect(toShanghaiTime(new Date('2026-12-04T12:15:00Z'))).toBe('2026-12-04T20:15:00+08:00');
  });

  it('rolls over to the next Beijing day and keeps the same instant', () => {
    const shown = toShanghaiTime('2026-12-05T15:59:59.999Z');
    expect(shown).toBe('2026-12-05T23:59:59+08:00');
    expect(toShanghaiTime('2026-12-31T16:30:00Z')).toBe('2027-01-01T00:30:00+08:00');
    expect(Date.parse(toShanghaiTime('2026-06-01T08:00:00Z'))).toBe(Date.parse('2026-06-01T08:00:00Z'));
  });

  it('returns a value that is not an instant unchanged', () => {
    expect(toShanghaiTime('soon')).toBe('soon');
  });
});
