import { isValidChinesePhone, maskPhone, normalizeChinesePhone, parseChinesePhone, phoneLastFour } from './phone';

function reasonOf(text: unknown): string | undefined {
  const result = parseChinesePhone(text);
  return result.ok ? undefined : result.reason;
}

describe('mainland China telephone numbers', () => {
  it('normalises mobile numbers written with +86, spaces, dashes or full-width digits', () => {
    const notations = [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '+8613812345678',
      '008613812345678',
      '8613812345678',
      '１３８１２３４５６７８',
    ];
    for (const typed of notations) {
      expect(normalizeChinesePhone(typed)).toBe('13812345678');
    }
    expect(parseChinesePhone('+86 138 1234 5678')).toEqual({
      ok: true,
      value: { kind: 'mobile', normalized: '13812345678', e164: '+8613812345678', areaCode: undefined },
    });
  });

  it('accepts every mobile prefix from 13 to 19 and rejects 10-12', () => {
    const valid = (prefix: string): boolean => isValidChinesePhone(`${prefix}912345678`);
    expect(['13', '14', '15', '16', '17', '18', '19'].map(valid)).toEqual(Array(7).fill(true));
    expect(['10', '11', '12'].map(valid)).toEqual([false, false, false]);
    expect(isValidChinesePhone('1381234567')).toBe(false);
    expect(isValidChinesePhone('138123456789')).toBe(false);
  });

  it('normalises landlines to area code and subscriber number', () => {
    expect(normalizeChinesePhone('0531-82345678')).toBe('0531-82345678');
    expect(normalizeChinesePhone('(0531) 8234 5678')).toBe('0531-82345678');
    expect(normalizeChinesePhone('053182345678')).toBe('0531-82345678');
    expect(normalizeChinesePhone('0532-8123456')).toBe('0532-8123456');
    expect(normalizeChinesePhone('010 6512 3456')).toBe('010-65123456');
    expect(normalizeChinesePhone('021-61234567')).toBe('021-61234567');
  });

  it('restores the trunk 0 of a landline written in international form', () => {
    expect(parseChinesePhone('+86 531 82345678')).toEqual({
      ok: true,
      value: { kind: 'landline', normalized: '0531-82345678', e164: '+8653182345678', areaCode: '0531' },
    });
    expect(normalizeChinesePhone('+86 10 65123456')).toBe('010-65123456');
  });

  it('asks for the area code when only a local landline number is given', () => {
    expect(reasonOf('12345678')).toBe('not-a-phone-number');
    expect(reasonOf('82345678')).toBe('missing-area-code');
    expect(reasonOf('8234567')).toBe('missing-area-code');
  });

  it('rejects foreign numbers, letters, subscriber numbers starting with 0 or 1 and impossible area codes', () => {
    expect(reasonOf('+1 212 555 0100')).toBe('not-a-phone-number');
    expect(reasonOf('138-1234-567a')).toBe('bad-characters');
    expect(reasonOf('0531-02345678')).toBe('not-a-phone-number');
    // Local numbers starting with 1 are special services (110, 12345, 12348), never a subscriber line.
    expect(reasonOf('0531-12345678')).toBe('not-a-phone-number');
    expect(reasonOf('0531-123456')).toBe('not-a-phone-number');
    expect(reasonOf('0131-12345678')).toBe('not-a-phone-number');
    expect(reasonOf('0531-82345678-801')).toBe('not-a-phone-number');
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf(13812345678)).toBe('empty');
  });

  it('masks mobiles as 138****5678 and landlines keeping the area code and last four digits', () => {
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('0531-82345678')).toBe('0531-****5678');
    expect(maskPhone('0532 8123456')).toBe('0532-***3456');
  });

  it('masks text that is not a valid number completely', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('abc')).toBe('****');
  });

  it('gives the last four digits of a valid number for caller verification', () => {
    expect(phoneLastFour('+86 138 1234 5678')).toBe('5678');
    expect(phoneLastFour('0531-82345678')).toBe('5678');
    expect(phoneLastFour('nonsense')).toBeUndefined();
  });
});
