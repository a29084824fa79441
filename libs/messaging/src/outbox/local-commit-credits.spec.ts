import { LocalCommitCredits } from './local-commit-credits';

describe('LocalCommitCredits', () => {
  it('absorbs one own NOTIFY per local commit wake, no more', () => {
    const credits = new LocalCommitCredits(2000);
    credits.add(1000);
    credits.add(1001);
    expect(credits.take(1002)).toBe(true);
    expect(credits.take(1003)).toBe(true);
    expect(credits.take(1004)).toBe(false);
  });

  it('lets a NOTIFY wake the relay once the credits have expired', () => {
    const credits = new LocalCommitCredits(2000);
    credits.add(1000);
    expect(credits.take(3001)).toBe(false);
    credits.add(4000);
    credits.clear();
    expect(credits.take(4001)).toBe(false);
  });

  it('keeps at most `max` credits', () => {
    const credits = new LocalCommitCredits(2000, 2);
    for (const t of [1, 2, 3]) credits.add(t);
    expect([credits.take(4), credits.take(4), credits.take(4)]).toEqual([true, true, false]);
  });
});
