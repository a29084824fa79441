import { regionFromAddress } from './open311-region.resolver';

describe('regionFromAddress', () => {
  it('finds the township within the named county', () => {
    expect(regionFromAddress('山东省临沂市兰陵县卞庄街道幸福路')).toBe('371324001');
  });

  it('falls back to the county, then the city', () => {
    expect(regionFromAddress('兰陵县某村')).toBe('371324');
    expect(regionFromAddress('临沂市')).toBe('371300');
  });

  it('needs the city for a county name several cities share', () => {
    expect(regionFromAddress('市中区')).toBeUndefined();
    expect(regionFromAddress('济南市市中区')).toBe('370103');
  });

  it('gives up on addresses naming no Shandong place', () => {
    expect(regionFromAddress('北京市东城区')).toBeUndefined();
    expect(regionFromAddress(undefined)).toBeUndefined();
  });
});
