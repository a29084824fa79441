/** A-7 → A-007, B-1234 → B-1234: what the display and the printed slip show. */
export function ticketNumber(counter: string, seq: number): string {
  return `${counter}-${String(seq).padStart(3, '0')}`;
}
