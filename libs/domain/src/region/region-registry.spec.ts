import { DivisionRow } from './china-division-data';
import { canonicalRegionCode } from './region-code';
import { DivisionDataReader, isInShandong, RegionRegistry, shandongRegions } from './region-registry';

describe('Shandong region registry (GB/T 2260 + NBS township/village codes)', () => {
  const regions = shandongRegions();

  it('looks up the province, a city and a county by their six-digit codes', () => {
    expect(regions.lookup('370000')).toEqual({
      code: '370000',
      name: '山东省',
      level: 'province',
      parentCode: null,
      developmentZone: false,
    });
    expect(regions.lookup('370200')).toMatchObject({ name: '青岛市', level: 'city', parentCode: '370000' });
    expect(regions.lookup('371300')).toMatchObject({ name: '临沂市', level: 'city', parentCode: '370000' });
    expect(regions.lookup('370102')).toMatchObject({ name: '历下区', level: 'county', parentCode: '370100' });
  });

  it('looks up a township by its nine-digit code and a village by its twelve-digit code', () => {
    expect(regions.lookup('370102001')).toMatchObject({ name: '解放路街道', level: 'township', parentCode: '370102' });
    expect(regions.lookup('370102001002')).toMatchObject({
      name: '解放桥社区居民委员会',
      level: 'village',
      parentCode: '370102001',
    });
  });

  it('reads twelve-digit codes padded with zero groups as the higher level they denote', () => {
    expect(regions.lookup('370102000000')?.level).toBe('county');
    expect(regions.lookup('370102001000')?.level).toBe('township');
    expect(regions.lookup('370000000000')?.level).toBe('province');
  });

  it('knows that Laiwu (371200) was merged into Jinan in 2019 and is now 莱芜区 370116', () => {
    expect(regions.lookup('371200')).toBeUndefined();
    expect(regions.lookup('370116')).toMatchObject({ name: '莱芜区', parentCode: '370100' });
  });

  it('lists the ancestors of a village from the province down', () => {
    expect(regions.ancestors('370102001002').map((r) => r.code)).toEqual(['370000', '370100', '370102', '370102001']);
    expect(regions.ancestors('370000')).toEqual([]);
    expect(regions.ancestors('999999')).toEqual([]);
  });

  it('gives the jurisdiction chain nearest first for routing fallback', () => {
    expect(regions.jurisdictionChain('370102001002').map((r) => r.level)).toEqual([
      'village',
      'township',
      'county',
      'city',
      'province',
    ]);
  });

  it('lists the 16 prefecture-level cities as children of the province', () => {
    const cities = regions.cities();
    expect(cities).toHaveLength(16);
    expect(cities.map((c) => c.code)).toContain('370100');
    expect(regions.children('370000')).toEqual(cities);
  });

  it('lists the villages of a township as its children', () => {
    const villages = regions.children('370102001');
    expect(villages.length).toBeGreaterThan(0);
    expect(villages.every((v) => v.level === 'village' && v.parentCode === '370102001')).toBe(true);
    expect(regions.children('370102001002')).toEqual([]);
  });

  it('counts 136 GB/T 2260 county-level divisions, 151 with statistical development zones', () => {
    expect(regions.counties()).toHaveLength(136);
    const withZones = regions.counties({ includeDevelopmentZones: true });
    expect(withZones).toHaveLength(151);
    expect(withZones.find((c) => c.code === '370176')).toMatchObject({
      name: '济南高新技术产业开发区',
      developmentZone: true,
    });
  });

  it('has a known parent for every county and township', () => {
    for (const county of regions.counties({ includeDevelopmentZones: true })) {
      expect(regions.lookup(county.parentCode)?.level).toBe('city');
      const townships = regions.children(county.code);
      expect(townships.every((t) => t.level === 'township' && t.parentCode === county.code)).toBe(true);
    }
  });

  it('builds the full name from the province down', () => {
    expect(regions.fullName('370102001')).toBe('山东省济南市历下区解放路街道');
  });

  it('answers isInShandong only for known Shandong divisions', () => {
    expect(isInShandong('370102')).toBe(true);
    expect(isInShandong('370102001002')).toBe(true);
    expect(isInShandong('110101')).toBe(false);
    expect(isInShandong('370199')).toBe(false);
    expect(isInShandong('37010')).toBe(false);
    expect(isInShandong(370102)).toBe(false);
  });
});

describe('canonicalRegionCode', () => {
  it('normalises the usual widths and rejects malformed codes', () => {
    expect(canonicalRegionCode('37')).toBe('370000');
    expect(canonicalRegionCode('3701')).toBe('370100');
    expect(canonicalRegionCode(' 370102 ')).toBe('370102');
    expect(canonicalRegionCode('370102001000')).toBe('370102001');
    expect(canonicalRegionCode('３７０１０２')).toBe('370102');
    expect(canonicalRegionCode('370012')).toBeUndefined();
    expect(canonicalRegionCode('37010')).toBeUndefined();
    expect(canonicalRegionCode('37a102')).toBeUndefined();
    expect(canonicalRegionCode(null)).toBeUndefined();
  });
});

describe('RegionRegistry loading', () => {
  function countingReader(): DivisionDataReader & { calls: Record<string, number> } {
    const calls: Record<string, number> = { cities: 0, counties: 0, townships: 0, villages: 0 };
    const rows = (list: [string, string][]): DivisionRow[] => list.map(([code, name]) => ({ code, name }));
    return {
      calls,
      readCities: () => (
        calls.cities++,
        rows([
          ['3701', '济南市'],
          ['1101', '市辖区'],
        ])
      ),
      readCounties: () => (
        calls.counties++,
        rows([
          ['370102', '历下区'],
          ['370176', '济南高新技术产业开发区'],
        ])
      ),
      readTownships: () => (calls.townships++, rows([['370102001', '解放路街道']])),
      readVillages: () => (calls.villages++, rows([['370102001002', '解放桥社区居民委员会']])),
    };
  }

  it('reads nothing until first asked and reads the base levels once', () => {
    const reader = countingReader();
    const registry = new RegionRegistry('37', reader);
    expect(reader.calls).toEqual({ cities: 0, counties: 0, townships: 0, villages: 0 });
    registry.lookup('370102');
    registry.lookup('370102001');
    expect(reader.calls).toEqual({ cities: 1, counties: 1, townships: 1, villages: 0 });
  });

  it('reads villages only when a village-level answer is needed, and only once', () => {
    const reader = countingReader();
    const registry = new RegionRegistry('37', reader);
    expect(registry.lookup('370102001002')?.name).toBe('解放桥社区居民委员会');
    expect(registry.children('370102001')).toHaveLength(1);
    expect(reader.calls.villages).toBe(1);
  });

  it('keeps divisions of other provinces out', () => {
    const registry = new RegionRegistry('37', countingReader());
    expect(registry.lookup('110100')).toBeUndefined();
    expect(registry.cities().map((c) => c.code)).toEqual(['370100']);
  });

  it('refuses an unknown province prefix', () => {
    expect(() => new RegionRegistry('99', countingReader())).toThrow(RangeError);
  });
});
