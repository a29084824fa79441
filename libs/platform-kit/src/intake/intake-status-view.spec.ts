import type { AuthUser } from '@legal/auth';
import { IntakeSubmissionService, LINKED_NOTE } from './intake-submission.service';
import type { PlatformIntake } from './platform-intake.entity';

const JINAN_CODE = '370102-20261128-000001-7';
const LINYI_CODE = '371324-20261128-000002-5';

function intake(overrides: Partial<PlatformIntake> = {}): PlatformIntake {
  return {
    intakeId: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
    platform: 'centre',
    platformRecordId: 'visit-1',
    status: 'linked-to-existing',
    serviceType: 'legal-aid',
    regionCode: '370102',
    relatedCaseCode: null,
    caseCode: LINYI_CODE,
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    possiblyRelatedCaseCodes: [JINAN_CODE, LINYI_CODE],
    rejectionReasons: null,
    submittedAt: new Date('2026-11-28T02:15:00Z'),
    outcomeAt: new Date('2026-11-28T02:15:01Z'),
    ...overrides,
  };
}

const staff = (regionCode: string): AuthUser =>
  ({ subject: 'clerk-1', roles: ['centre-clerk'], regionCode, organisationId: `org-${regionCode}-centre` }) as AuthUser;

describe('IntakeSubmissionService.toStatusView: who may see linked and related codes', () => {
  it('the submitter of a linked intake sees only that a related request exists — no code, no work order, no related codes', () => {
    const view = IntakeSubmissionService.toStatusView(intake(), { kind: 'citizen' });
    expect(view).toEqual({
      intakeId: expect.any(String),
      status: 'linked-to-existing',
      possiblyRelatedCaseCodes: [],
      note: LINKED_NOTE,
      submittedAt: expect.any(String),
      outcomeAt: expect.any(String),
    });
  });

  it('the submitter of a created intake sees its own case code, still no related codes', () => {
    const view = IntakeSubmissionService.toStatusView(intake({ status: 'registered', caseCode: JINAN_CODE }), {
      kind: 'citizen',
    });
    expect(view).toMatchObject({ caseCode: JINAN_CODE, workOrderId: expect.any(String), possiblyRelatedCaseCodes: [] });
  });

  it('staff see linked and related codes only within their jurisdiction, and always the intake’s own status', () => {
    const jinan = IntakeSubmissionService.toStatusView(intake(), { kind: 'staff', user: staff('370102') });
    expect(jinan.status).toBe('linked-to-existing');
    expect(jinan.caseCode).toBeUndefined();
    expect(jinan.workOrderId).toBeUndefined();
    expect(jinan.note).toMatch(/outside your jurisdiction/);
    expect(jinan.possiblyRelatedCaseCodes).toEqual([JINAN_CODE]);
    const linyi = IntakeSubmissionService.toStatusView(intake(), { kind: 'staff', user: staff('371324') });
    expect(linyi).toMatchObject({ caseCode: LINYI_CODE, possiblyRelatedCaseCodes: [LINYI_CODE] });
    const province = IntakeSubmissionService.toStatusView(intake(), { kind: 'staff', user: staff('370000') });
    expect(province.possiblyRelatedCaseCodes).toEqual([JINAN_CODE, LINYI_CODE]);
    const created = IntakeSubmissionService.toStatusView(intake({ status: 'registered', caseCode: LINYI_CODE }), {
      kind: 'staff',
      user: staff('370102'),
    });
    expect(created.caseCode).toBe(LINYI_CODE); // its own intake's work order: always shown
  });

  it('shows the access code only on the freshly submitted intake', () => {
    expect(
      IntakeSubmissionService.toStatusView(
        Object.assign(intake({ status: 'submitted' }), { accessCode: 'K7QM4-X2PRT' }),
      ).accessCode,
    ).toBe('K7QM4-X2PRT');
    expect(IntakeSubmissionService.toStatusView(intake()).accessCode).toBeUndefined();
  });
});
