import { coverageGaps, dayCoverage, daysTouched } from './coverage-gaps';

const at = (hhmm: string, day = '2026-12-01'): Date => new Date(`${day}T${hhmm}:00+08:00`);
const shift = (start: Date, end: Date): { start: Date; end: Date } => ({ start, end });

describe('coverageGaps', () => {
  it('reports nothing when back-to-back shifts cover the whole day', () => {
    const shifts = [
      shift(at('00:00'), at('08:00')),
      shift(at('08:00'), at('16:00')),
      shift(at('16:00'), at('00:00', '2026-12-02')),
    ];
    expect(coverageGaps(shifts, at('00:00'), at('00:00', '2026-12-02'))).toEqual([]);
  });

  it('reports the uncovered night between an evening shift and the next morning', () => {
    const shifts = [shift(at('08:00'), at('20:00')), shift(at('08:00', '2026-12-02'), at('20:00', '2026-12-02'))];
    const gaps = coverageGaps(shifts, at('08:00'), at('20:00', '2026-12-02'));
    expect(gaps).toEqual([{ start: at('20:00'), end: at('08:00', '2026-12-02'), staffedSeats: 0 }]);
  });

  it('reports the uncovered start and end of the window and ignores shifts outside it', () => {
    const shifts = [shift(at('10:00'), at('12:00')), shift(at('00:00', '2026-11-20'), at('08:00', '2026-11-20'))];
    expect(coverageGaps(shifts, at('09:00'), at('13:00'))).toEqual([
      { start: at('09:00'), end: at('10:00'), staffedSeats: 0 },
      { start: at('12:00'), end: at('13:00'), staffedSeats: 0 },
    ]);
  });

  it('merges overlapping shifts and clips shifts that run past the window', () => {
    const shifts = [shift(at('06:00'), at('11:00')), shift(at('10:00'), at('15:00')), shift(at('14:00'), at('23:00'))];
    expect(coverageGaps(shifts, at('08:00'), at('20:00'))).toEqual([]);
  });

  it('with a minimum of two seats, reports the hours staffed by only one', () => {
    const shifts = [shift(at('08:00'), at('16:00')), shift(at('12:00'), at('20:00'))];
    expect(coverageGaps(shifts, at('08:00'), at('20:00'), 2)).toEqual([
      { start: at('08:00'), end: at('12:00'), staffedSeats: 1 },
      { start: at('16:00'), end: at('20:00'), staffedSeats: 1 },
    ]);
  });

  it('reports the whole window when nobody is rostered', () => {
    expect(coverageGaps([], at('00:00'), at('06:00'))).toEqual([
      { start: at('00:00'), end: at('06:00'), staffedSeats: 0 },
    ]);
  });
});

describe('dayCoverage', () => {
  it('counts the minutes of a Shanghai day with at least one agent on duty, per hour', () => {
    // 00:00-04:00 and 08:00-20:30, with an overlapping second seat 10:00-12:00 counted once.
    const shifts = [
      shift(at('22:00', '2026-11-30'), at('04:00')),
      shift(at('08:00'), at('20:30')),
      shift(at('10:00'), at('12:00')),
    ];
    const day = dayCoverage(shifts, '2026-12-01');
    expect(day.coveredMinutes).toBe(4 * 60 + 12 * 60 + 30);
    expect(day.hourMinutes).toEqual([60, 60, 60, 60, 0, 0, 0, 0, ...Array(12).fill(60), 30, 0, 0, 0]);
  });

  it('counts a day with no shift as 0 minutes and a fully staffed day as 1440', () => {
    expect(dayCoverage([], '2026-12-01')).toEqual({
      date: '2026-12-01',
      coveredMinutes: 0,
      hourMinutes: Array(24).fill(0),
    });
    expect(dayCoverage([shift(at('00:00'), at('00:00', '2026-12-02'))], '2026-12-01').coveredMinutes).toBe(1440);
  });
});

describe('daysTouched', () => {
  it('lists the Shanghai days a shift runs in, a shift ending at midnight not touching the next day', () => {
    expect(daysTouched([shift(at('20:00'), at('04:00', '2026-12-02'))])).toEqual(['2026-12-01', '2026-12-02']);
    expect(daysTouched([shift(at('16:00'), at('00:00', '2026-12-02'))])).toEqual(['2026-12-01']);
    expect(
      daysTouched([shift(at('08:00', '2026-12-03'), at('09:00', '2026-12-03')), shift(at('00:00'), at('01:00'))]),
    ).toEqual(['2026-12-01', '2026-12-03']);
  });
});
