import { readCities, readCounties } from './china-division-data';
import { PROVINCE_NAMES } from './province-codes';

interface NationalIndex {
  readonly cities: ReadonlyMap<string, string>;
  readonly counties: ReadonlyMap<string, string>;
}

let index: NationalIndex | undefined;

function nationalIndex(): NationalIndex {
  index ??= {
    cities: new Map(readCities().map((r) => [r.code, r.name])),
    counties: new Map(readCounties().map((r) => [r.code, r.name])),
  };
  return index;
}

/**
 * Current name of a six-digit county code anywhere in mainland China, e.g. 370102 → 山东省济南市历下区,
 * or undefined when the code is not a current county-level division. Loads about 250 kB once.
 */
export function currentCountyName(code: string): string | undefined {
  const { cities, counties } = nationalIndex();
  const county = counties.get(code);
  if (county === undefined) return undefined;
  const province = PROVINCE_NAMES[code.slice(0, 2)] ?? '';
  const city = cities.get(code.slice(0, 4));
  // Municipalities list their districts under a placeholder city named 市辖区 ("districts under the city").
  const cityPart = city === undefined || city === '市辖区' ? '' : city;
  return `${province}${cityPart}${county}`;
}
