import { validateSync } from 'class-validator';
import { IsChineseIdCard } from './is-chinese-id-card.decorator';
import { IsChinesePhone } from './is-chinese-phone.decorator';

class ApplicantDto {
  @IsChineseIdCard()
  idCard!: unknown;

  @IsChinesePhone()
  phone!: unknown;
}

class SmsContactDto {
  @IsChinesePhone({ kinds: ['mobile'] })
  phone!: unknown;
}

function messages(dto: object): string[] {
  return validateSync(dto).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('identity decorators', () => {
  it('accept a valid ID card number and phone number', () => {
    const dto = Object.assign(new ApplicantDto(), { idCard: '11010519491231002X', phone: '0531-82345678' });
    expect(messages(dto)).toEqual([]);
  });

  it('explain each invalid field without repeating the personal data', () => {
    const found = messages(Object.assign(new ApplicantDto(), { idCard: '110105194912310021', phone: '12345' }));
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('idCard must be a valid identity card number. The last character does not match');
    expect(found[1]).toContain('phone must be a mainland China telephone number');
    expect(found.join(' ')).not.toContain('110105194912310021');
    expect(found.join(' ')).not.toContain('12345 ');
  });

  it('restrict the phone kind when asked', () => {
    expect(messages(Object.assign(new SmsContactDto(), { phone: '13812345678' }))).toEqual([]);
    expect(messages(Object.assign(new SmsContactDto(), { phone: '0531-82345678' }))).toEqual([
      'phone must be a mainland China telephone number (mobile). It is a landline number.',
    ]);
  });
});
