import { workOrderIdForIntake } from './work-order-id';

describe('workOrderIdForIntake', () => {
  it('derives one stable version-5 UUID per intake id, different for different intakes', () => {
    const a = workOrderIdForIntake('3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(workOrderIdForIntake('3E2D1C0B-9A8F-4E7D-8C6B-5A4F3E2D1C0B')).toBe(a);
    expect(workOrderIdForIntake('3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0c')).not.toBe(a);
  });
});
