import { WORK_ORDER_STATUSES } from '@legal/contracts';
import { assertTransition, canTransition, TERMINAL_STATUSES, TRANSITIONS } from './work-order-lifecycle';

describe('work-order lifecycle', () => {
  it('follows the main path received → offered → accepted → in-progress ↔ waiting-applicant → resolved → closed', () => {
    const path = [
      'received',
      'offered',
      'accepted',
      'in-progress',
      'waiting-applicant',
      'in-progress',
      'resolved',
      'closed',
    ] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('reopens only resolved work orders', () => {
    for (const from of WORK_ORDER_STATUSES) expect(canTransition(from, 'reopened')).toBe(from === 'resolved');
  });

  it('never leaves a terminal status', () => {
    for (const from of TERMINAL_STATUSES)
      for (const to of WORK_ORDER_STATUSES) expect(canTransition(from, to)).toBe(false);
  });

  it('refuses an illegal transition with a 409 naming both statuses', () => {
    expect(() => assertTransition('371324-20251128-000001-X', 'closed', 'offered')).toThrow(
      expect.objectContaining({ status: 409, code: 'illegal-transition' }),
    );
  });

  it('lists every status in the table', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...WORK_ORDER_STATUSES].sort());
  });
});
