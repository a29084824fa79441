import { Region, shandongRegions } from '@legal/domain';

/**
 * Where synthetic requests come from: every township of Shandong (about 1,850), picked uniformly,
 * which weights counties and cities roughly by population (populous counties have more townships).
 */
export class RegionPicker {
  private readonly townships: Region[];

  constructor(private readonly random: () => number = Math.random) {
    const registry = shandongRegions();
    const counties = registry.counties();
    this.townships = counties.flatMap((c) => registry.children(c.code).filter((r) => r.level === 'township'));
    if (this.townships.length === 0) throw new Error('no Shandong townships in the region registry');
  }

  get size(): number {
    return this.townships.length;
  }

  pick(): Region {
    const region = this.townships[Math.floor(this.random() * this.townships.length)];
    if (!region) throw new Error('region pick out of range');
    return region;
  }

  /** City (first four digits + 00) of a township or county code. */
  static cityOf(code: string): string {
    return `${code.slice(0, 4)}00`;
  }
}
