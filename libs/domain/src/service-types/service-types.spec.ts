import { validateSync, IsIn } from 'class-validator';
import { HANDLER_SERVICES, handlerServiceFor } from '@legal/contracts';
import { addCalendarDaysLegal, addWorkingDays, computeDeadline } from '../calendar/legal-period';
import {
  isServiceTypeCode,
  MEDIATION_KINDS,
  SERVICE_HANDLERS,
  SERVICE_TYPE_CODES,
  SERVICE_TYPES,
  serviceType,
} from './service-types';

describe('service catalogue', () => {
  it('has unique, stable kebab-case codes and both labels for every type', () => {
    expect(new Set(SERVICE_TYPE_CODES).size).toBe(SERVICE_TYPES.length);
    expect(SERVICE_TYPE_CODES).toEqual([
      'legal-consultation',
      'legal-aid',
      'duty-lawyer',
      'notified-defence',
      'mediation',
      'notarization',
      'judicial-appraisal',
      'arbitration',
      'lawyer-referral',
      'grassroots-legal-service',
      'village-legal-adviser',
      'complaint',
    ]);
    for (const type of SERVICE_TYPES) {
      expect(type.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(type.labelZh).toMatch(/\p{Script=Han}/u);
      expect(type.labelEn.length).toBeGreaterThan(3);
      expect(SERVICE_HANDLERS).toContain(type.handler);
    }
  });

  it('routes legal aid, duty lawyers and notified defence to the legal-aid service', () => {
    const handlers = (['legal-aid', 'duty-lawyer', 'notified-defence'] as const).map((c) => serviceType(c).handler);
    expect(handlers).toEqual(['legal-aid', 'legal-aid', 'legal-aid']);
    expect(serviceType('duty-lawyer').parent).toBe('legal-aid');
  });

  it('routes mediation and notarization to their services and the agency types to external agencies', () => {
    expect(serviceType('mediation').handler).toBe('mediation');
    expect(serviceType('notarization').handler).toBe('notarization');
    const agencyTypes = [
      'judicial-appraisal',
      'arbitration',
      'lawyer-referral',
      'grassroots-legal-service',
      'village-legal-adviser',
    ] as const;
    // A type a handler service of the registry claims goes to it; the others stay with registered agencies.
    for (const code of agencyTypes) {
      expect(serviceType(code).handler).toBe(handlerServiceFor(code)?.handler.code ?? 'external-agency');
    }
    expect(serviceType('arbitration').handler).toBe('external-agency');
    expect(serviceType('legal-consultation').handler).toBe('hotline');
  });

  it('sends every type a registry handler service claims to that service, and no other type to it', () => {
    for (const { handler } of HANDLER_SERVICES) {
      const routed = SERVICE_TYPES.filter((t) => t.handler === handler.code).map((t) => t.code);
      expect(routed).toEqual(SERVICE_TYPE_CODES.filter((c) => (handler.serviceTypes as readonly string[]).includes(c)));
    }
  });

  it('requires a case code for lawyer, notary, appraisal, arbitration and legal-aid cases only', () => {
    expect(SERVICE_TYPES.filter((t) => t.caseCodeRequired).map((t) => t.code)).toEqual([
      'legal-aid',
      'duty-lawyer',
      'notified-defence',
      'notarization',
      'judicial-appraisal',
      'arbitration',
      'lawyer-referral',
    ]);
  });

  it('carries the statutory deadlines, computable with the legal period rules', () => {
    const accepted = new Date('2026-09-28T10:00:00+08:00');
    const [certificate] = serviceType('notarization').deadlines;
    expect(certificate).toMatchObject({ rule: 'working-days', n: 15 });
    if (certificate) {
      const due = computeDeadline(certificate.rule, accepted, certificate.n).dueDate;
      expect(due).toBe(addWorkingDays(accepted, 15).dueDate);
    }
    expect(serviceType('legal-aid').deadlines.map((d) => [d.milestone, d.rule, d.n])).toEqual([
      ['decision', 'calendar-days', 7],
      ['lawyer-appointed', 'calendar-days', 3],
    ]);
    expect(serviceType('notified-defence').deadlines[0]).toMatchObject({ startsAt: 'notice-received', n: 3 });
    const [settle] = serviceType('mediation').deadlines;
    const settleBy = settle && computeDeadline(settle.rule, accepted, settle.n).dueDate;
    expect(settleBy).toBe(addCalendarDaysLegal(accepted, 30).dueDate);
  });

  it('recognises its codes and nothing else', () => {
    expect(isServiceTypeCode('notarization')).toBe(true);
    expect(isServiceTypeCode('Notarization')).toBe(false);
    expect(isServiceTypeCode(undefined)).toBe(false);
    expect(() => serviceType('nope' as never)).toThrow(RangeError);
  });

  it('works with class-validator IsIn for DTOs', () => {
    class Dto {
      @IsIn(SERVICE_TYPE_CODES)
      serviceType!: string;
    }
    expect(validateSync(Object.assign(new Dto(), { serviceType: 'mediation' }))).toHaveLength(0);
    expect(validateSync(Object.assign(new Dto(), { serviceType: 'divorce' }))).toHaveLength(1);
  });

  it('lists the mediation kinds named in the plan', () => {
    expect(MEDIATION_KINDS.map((k) => k.code)).toEqual([
      'people',
      'lawyer',
      'administrative',
      'finance-consumer',
      'property-management',
      'intellectual-property',
    ]);
  });
});
