import { ISO7064_MOD_11_2, pureSystemCheckCharacter } from '../check-digit/iso7064-pure-system';
import { idCardCheckCharacter, IdCardProblem, isValidIdCard, maskIdCard, validateIdCard } from './id-card';

const TODAY = '2026-11-28';

/** Builds a number with a correct check character computed by the generic ISO 7064 MOD 11-2 code. */
function idNumber(region: string, birth: string, sequence: string): string {
  const body = `${region}${birth}${sequence}`;
  return body + pureSystemCheckCharacter(ISO7064_MOD_11_2, body);
}

function reasons(text: unknown, requireKnownRegion = false): readonly IdCardProblem[] {
  const result = validateIdCard(text, { today: TODAY, requireKnownRegion });
  return result.ok ? [] : result.reasons;
}

describe('citizen identity number (GB 11643-1999)', () => {
  it('accepts the sample number printed in the standard and reads region, birth date and sex from it', () => {
    expect(validateIdCard('11010519491231002X', { today: TODAY })).toEqual({
      ok: true,
      value: {
        number: '11010519491231002X',
        kind: 'resident-identity-card',
        regionCode: '110105',
        regionKnown: true,
        regionName: '北京市朝阳区',
        birthDate: '1949-12-31',
        sex: 'female',
      },
    });
  });

  it('names the current Shandong county and reads an odd sequence digit as male', () => {
    const result = validateIdCard(idNumber('370102', '19900307', '123'), { today: TODAY });
    expect(result.ok && result.value).toMatchObject({ regionName: '山东省济南市历下区', sex: 'male' });
  });

  it('accepts lower-case x, spaces, dashes and full-width characters and normalises them', () => {
    for (const typed of [
      '11010519491231002x',
      '110105 19491231 002X',
      '110105-1949-1231-002x',
      '１１０１０５１９４９１２３１００２ｘ',
    ]) {
      const result = validateIdCard(typed, { today: TODAY });
      expect(result.ok && result.value.number).toBe('11010519491231002X');
    }
  });

  it('computes the check character with the GB weights exactly as ISO 7064 MOD 11-2 does', () => {
    let seed = 11643;
    const digit = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * 10);
    };
    const disagreements: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const body = Array.from({ length: 17 }, digit).join('');
      if (idCardCheckCharacter(body) !== pureSystemCheckCharacter(ISO7064_MOD_11_2, body)) disagreements.push(body);
    }
    expect(disagreements).toEqual([]);
  });

  it('detects every single-character substitution and every adjacent transposition', () => {
    const regions = ['370102', '371302', '110105', '440305'];
    const numbers = Array.from({ length: 100 }, (_, i) => {
      const birth = `19${50 + (i % 50)}0${1 + (i % 9)}1${i % 10}`;
      return idNumber(regions[i % 4] as string, birth, String(100 + i * 7).slice(-3));
    });
    for (const number of numbers) {
      expect(isValidIdCard(number, { today: TODAY })).toBe(true);
      for (let position = 0; position < 18; position++) {
        for (const char of '0123456789X') {
          if (char === number[position]) continue;
          const typo = number.slice(0, position) + char + number.slice(position + 1);
          if (isValidIdCard(typo, { today: TODAY })) throw new Error(`${number} → ${typo} accepted`);
          if (position < 17 && char !== 'X' && !reasons(typo).includes('check-digit')) {
            throw new Error(`${number} → ${typo} not caught by the check digit`);
          }
        }
        const next = number[position + 1];
        if (next !== undefined && next !== number[position]) {
          const swapped = number.slice(0, position) + next + number[position] + number.slice(position + 2);
          if (isValidIdCard(swapped, { today: TODAY })) throw new Error(`${number} → ${swapped} accepted`);
        }
      }
    }
  });

  it('asks for the 18-digit number when given a first-generation 15-digit one', () => {
    expect(reasons('370102900307123')).toEqual(['legacy-15-digit']);
  });

  it('rejects malformed input', () => {
    expect(reasons('')).toEqual(['empty']);
    expect(reasons(undefined)).toEqual(['empty']);
    expect(reasons(370102)).toEqual(['empty']);
    expect(reasons('3701021990030712')).toEqual(['bad-format']);
    expect(reasons('37010219900307123Y')).toEqual(['bad-format']);
    expect(reasons('3701021990030712X4')).toEqual(['bad-format']);
  });

  it('rejects a wrong check character', () => {
    const valid = idNumber('370102', '19900307', '123');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(reasons(wrong)).toEqual(['check-digit']);
  });

  it('rejects province codes that do not exist or never appear on mainland cards', () => {
    expect(reasons(idNumber('990102', '19900307', '123'))).toEqual(['unknown-province']);
    expect(reasons(idNumber('710102', '19900307', '123'))).toEqual(['unknown-province']);
  });

  it('accepts historic Shandong region codes (Laiwu 371202, Heze prefecture 372925), marking them unknown', () => {
    for (const region of ['371202', '372925']) {
      const result = validateIdCard(idNumber(region, '19800101', '123'), { today: TODAY });
      expect(result.ok && result.value).toMatchObject({
        regionCode: region,
        regionKnown: false,
        regionName: undefined,
      });
      expect(reasons(idNumber(region, '19800101', '123'), true)).toEqual(['unknown-region']);
    }
  });

  it('rejects region codes that are not county-shaped and not current divisions', () => {
    expect(reasons(idNumber('370000', '19900307', '123'))).toEqual(['unknown-region']);
    expect(reasons(idNumber('370100', '19900307', '123'))).toEqual(['unknown-region']);
    expect(reasons(idNumber('370012', '19900307', '123'))).toEqual(['unknown-region']);
  });

  it('accepts Hong Kong, Macao and Taiwan residence permit numbers', () => {
    const result = validateIdCard(idNumber('810000', '19900307', '123'), { today: TODAY });
    expect(result.ok && result.value).toMatchObject({
      kind: 'hk-mo-tw-residence-permit',
      regionName: '香港特别行政区',
    });
    expect(isValidIdCard(idNumber('830000', '19900307', '124'), { today: TODAY })).toBe(true);
    expect(reasons(idNumber('810100', '19900307', '123'))).toEqual(['unknown-province']);
  });

  it('rejects birth dates that do not exist, are before 1900 or lie in the future (Shanghai date)', () => {
    expect(reasons(idNumber('370102', '19900230', '123'))).toEqual(['invalid-birth-date']);
    expect(reasons(idNumber('370102', '18991231', '123'))).toEqual(['birth-date-before-1900']);
    expect(reasons(idNumber('370102', '20261129', '123'))).toEqual(['birth-date-in-future']);
    expect(reasons(idNumber('370102', '20261128', '123'))).toEqual([]);
    const lateOnThe28th = new Date('2026-11-28T23:30:00+08:00');
    expect(isValidIdCard(idNumber('370102', '20261128', '123'), { today: lateOnThe28th })).toBe(true);
  });

  it('reports every problem at once', () => {
    const valid = idNumber('990102', '20300101', '123');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const result = validateIdCard(wrong, { today: TODAY });
    expect(result.ok ? [] : result.reasons).toEqual(['check-digit', 'unknown-province', 'birth-date-in-future']);
    expect(result.ok ? '' : result.message).toContain('mistyped');
  });

  it('masks all but the first 3 and last 4 characters', () => {
    expect(maskIdCard('37010219900307123x')).toBe('370***********123X');
    expect(maskIdCard('370102 19900307 1234')).toBe('370***********1234');
    expect(maskIdCard('1234567')).toBe('*******');
  });
});
