import { maskPersonalData, maskSensitiveText } from './personal-data-mask';

describe('personal data masking', () => {
  it('masks ID-card numbers and mobile numbers inside free text', () => {
    const text = 'caller 13812345678 gave id 37132319900307123X and +86 139-0000-1111';
    const masked = maskSensitiveText(text);
    expect(masked).not.toContain('13812345678');
    expect(masked).not.toContain('37132319900307123X');
    expect(masked).toContain('138****5678');
  });

  it('masks values of keys named like personal data at any depth', () => {
    const masked = maskPersonalData({
      applicant: { idCardNumber: '371323199003071234', callerPhone: '13812345678', name: 'Zhang' },
      headers: { authorization: 'Bearer abc.def.ghi' },
    }) as { applicant: Record<string, string>; headers: Record<string, string> };
    expect(JSON.stringify(masked)).not.toMatch(/371323199003071234|13812345678|abc\.def/);
    expect(masked.applicant.name).toBe('Zhang');
  });

  it('leaves ordinary numbers such as amounts and timestamps alone', () => {
    expect(maskSensitiveText('income 12345 yuan at 1732780800000')).toBe('income 12345 yuan at 1732780800000');
  });
});
