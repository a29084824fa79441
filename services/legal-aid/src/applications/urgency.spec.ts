import { isUrgent } from './urgency';

describe('provide first (先行提供)', () => {
  const receivedAt = new Date('2026-11-28T02:00:00Z');

  it('applies when the legal deadline falls within 7 days of receipt', () => {
    expect(isUrgent(receivedAt, new Date('2026-12-01T00:00:00Z'))).toBe(true);
    expect(isUrgent(receivedAt, new Date('2026-12-05T02:00:00Z'))).toBe(true);
  });

  it('does not apply to a later deadline or to none', () => {
    expect(isUrgent(receivedAt, new Date('2026-12-05T02:00:01Z'))).toBe(false);
    expect(isUrgent(receivedAt, null)).toBe(false);
  });
});
