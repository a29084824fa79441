import * as domain from '@legal/domain';

describe('@legal/domain public API', () => {
  it('is importable through the path alias and exposes every feature', () => {
    const code = domain.formatCaseCode({ region: '370102', date: '2026-11-28', sequence: 120 });
    expect(code).toBe('370102-20261128-000120-F');
    expect(domain.maskIdCard('11010519491231002X')).toBe('110***********002X');
    expect(domain.maskPhone('13812345678')).toBe('138****5678');
    expect(domain.shandongRegions().lookup('370100')?.name).toBe('济南市');
    expect(domain.addWorkingDays(new Date('2026-09-28T10:00:00+08:00'), 15).dueDate).toBe('2026-10-23');
    expect(domain.serviceType('notarization').handler).toBe('notarization');
    for (const decorator of [domain.IsCaseCode, domain.IsChineseIdCard, domain.IsChinesePhone, domain.IsRegionCode]) {
      expect(typeof decorator).toBe('function');
    }
  });
});
