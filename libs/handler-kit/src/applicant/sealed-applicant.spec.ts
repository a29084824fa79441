import { maskedApplicant } from './sealed-applicant';

const applicant = {
  name: '张三丰',
  phone: '13812345678',
  idCardNumber: '37132419800101123X',
  address: '兰陵县卞庄街道',
};

describe('maskedApplicant (what a caller sees of an applicant)', () => {
  it('masks every field for callers who do not work the case', () => {
    const view = maskedApplicant(applicant, { reveal: false });
    expect(view.name).not.toBe('张三丰');
    expect(view.phone).not.toContain('12345678');
    expect(view.idCardNumber).not.toBe(applicant.idCardNumber);
    expect(view.address).toBe('***');
  });

  it('shows name, phone and address to staff who work the case, and still masks the ID number', () => {
    const view = maskedApplicant(applicant, { reveal: true });
    expect(view).toMatchObject({ name: '张三丰', phone: '13812345678', address: '兰陵县卞庄街道' });
    expect(view.idCardNumber).not.toBe(applicant.idCardNumber);
  });

  it('leaves out what the applicant did not give', () => {
    const view = maskedApplicant({ name: '李四' }, { reveal: false });
    expect(view).toEqual({ name: expect.any(String), phone: undefined, idCardNumber: undefined, address: undefined });
  });
});
