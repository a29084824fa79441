import { Region, shandongRegions } from '@legal/domain';

/**
 * Open311 has no region field: `jurisdiction_id` carries the GB/T 2260 code; failing that, the
 * county (and its township, when named; or else the city) named in `address_string` is used. Ambiguous county names (several
 * 市中区) count only when their city is named too. Coordinates are not geocoded.
 */
export function regionFromAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const registry = shandongRegions();
  const named = (r: Region): boolean => address.includes(r.name);
  const counties = registry.counties().filter(named);
  const byCity = counties.filter(
    (c) => c.parentCode !== null && address.includes(registry.lookup(c.parentCode)?.name ?? '\u0000'),
  );
  const candidates = byCity.length > 0 ? byCity : counties;
  const county = candidates.length === 1 ? candidates[0] : undefined;
  if (county) {
    const townships = registry.children(county.code).filter(named);
    return townships.length === 1 ? townships[0]?.code : county.code;
  }
  const cities = registry.cities().filter(named);
  return cities.length === 1 ? cities[0]?.code : undefined;
}
