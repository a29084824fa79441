import { validateSync } from 'class-validator';
import { IsRegionCode } from './is-region-code.decorator';

class AnyLevel {
  @IsRegionCode()
  region!: unknown;
}

class CountyOnly {
  @IsRegionCode({ levels: ['county'] })
  region!: unknown;
}

function valid(dto: AnyLevel | CountyOnly, region: unknown): boolean {
  return validateSync(Object.assign(dto, { region })).length === 0;
}

describe('@IsRegionCode()', () => {
  it('accepts known Shandong codes at every level', () => {
    for (const code of ['370000', '370100', '370102', '370102001', '370102001002']) {
      expect(valid(new AnyLevel(), code)).toBe(true);
    }
  });

  it('rejects other provinces, abolished divisions, malformed codes and non-strings', () => {
    for (const code of ['110101', '371200', '37010', '3701020010', 370102, null]) {
      expect(valid(new AnyLevel(), code)).toBe(false);
    }
  });

  it('restricts to the requested levels and says which it wanted', () => {
    expect(valid(new CountyOnly(), '370102')).toBe(true);
    expect(valid(new CountyOnly(), '370100')).toBe(false);
    const [error] = validateSync(Object.assign(new CountyOnly(), { region: '370102001' }));
    expect(Object.values(error?.constraints ?? {})).toEqual(['region must be a known Shandong division code (county)']);
  });
});
