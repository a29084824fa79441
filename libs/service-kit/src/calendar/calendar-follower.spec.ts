import { daysToAnnounce } from './calendar-follower';

describe('daysToAnnounce (what a calendar follower tells its listeners)', () => {
  it('announces a newer version with the announced days and those changed in this process, once each, sorted', () => {
    const days = daysToAnnounce({
      knownVersion: 0,
      version: 1,
      announced: ['2027-01-04', '2027-01-01'],
      changedHere: ['2027-01-01', '2027-02-10'],
    });
    expect(days).toEqual(['2027-01-01', '2027-01-04', '2027-02-10']);
  });

  it('still announces when another follower of the process applied the year first (nothing changed here)', () => {
    expect(daysToAnnounce({ knownVersion: 1, version: 2, announced: ['2027-01-04'], changedHere: [] })).toEqual([
      '2027-01-04',
    ]);
  });

  it('stays silent for a repeated or older version, and when no day changed', () => {
    expect(daysToAnnounce({ knownVersion: 2, version: 2, announced: ['2027-01-04'], changedHere: [] })).toBeNull();
    expect(daysToAnnounce({ knownVersion: 2, version: 1, announced: [], changedHere: ['2027-01-04'] })).toBeNull();
    expect(daysToAnnounce({ knownVersion: 0, version: 1, announced: [], changedHere: [] })).toBeNull();
  });

  it('keeps only real dates from a record it cannot trust', () => {
    const announced = ['2027-01-04', 42, 'next tuesday', null, '2027-1-5'];
    expect(daysToAnnounce({ knownVersion: 0, version: 1, announced, changedHere: [] })).toEqual(['2027-01-04']);
    expect(daysToAnnounce({ knownVersion: 0, version: 1, announced: 'x', changedHere: ['2027-01-05'] })).toEqual([
      '2027-01-05',
    ]);
  });
});
