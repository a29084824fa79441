import { IntakeSubmitted } from '@legal/contracts';
import { idCardCheckCharacter, shandongRegions } from '@legal/domain';
import { checkIntake, IntakeData } from './intake-rules';

const regions = shandongRegions();
const validId = (first17: string): string => `${first17}${idCardCheckCharacter(first17)}`;

function intake(overrides: Partial<IntakeData> = {}): IntakeData {
  return { ...IntakeSubmitted.example, applicant: { name: '张三', phone: '13812345678' }, ...overrides } as IntakeData;
}

describe('intake business rules', () => {
  it('accepts a Linyi township request with a valid ID card and phone, normalising them', () => {
    const id = validId('37132419850301123');
    const result = checkIntake(
      intake({ regionCode: '371324101', applicant: { name: '张三', idCardNumber: id, phone: '138 1234 5678' } }),
      regions,
    );
    expect(result).toEqual({ ok: true, identity: { idCardNumber: id, phone: '13812345678' } });
  });

  it('rejects a region code that is shaped right but is no Shandong division, naming the field', () => {
    const result = checkIntake(intake({ regionCode: '379999' }), regions);
    expect(result).toEqual({ ok: false, reasons: ['regionCode: 379999 is not a known division of Shandong'] });
  });

  it('rejects an ID card with a wrong check digit without repeating the number', () => {
    const good = validId('37132419850301123');
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const result = checkIntake(intake({ applicant: { name: '张三', idCardNumber: bad } }), regions);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons).toEqual([
        expect.stringMatching(/^applicant\.idCardNumber: The last character does not match/),
      ]);
      expect(result.reasons.join(' ')).not.toContain(bad);
    }
  });

  it('rejects a related case code whose check character is wrong', () => {
    const result = checkIntake(
      intake({ serviceType: 'complaint', relatedCaseCode: '371324-20251128-000001-0' }),
      regions,
    );
    expect(result.ok).toBe(false);
  });
});
