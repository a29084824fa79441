import { ticketNumber } from './ticket-number';

describe('ticketNumber', () => {
  it('pads to three digits and grows beyond 999', () => {
    expect(ticketNumber('A', 7)).toBe('A-007');
    expect(ticketNumber('B', 23)).toBe('B-023');
    expect(ticketNumber('AB', 1234)).toBe('AB-1234');
  });
});
