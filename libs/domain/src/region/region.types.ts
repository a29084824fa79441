export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/**
 * One administrative division. Codes are canonical: 6 digits for province (370000), city (370100) and
 * county (370102); 9 digits for townships (370102001); 12 digits for villages (370102001002).
 */
export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** Code of the division directly above; null for the province. */
  readonly parentCode: string | null;
  /**
   * County-level NBS statistical units for development zones (县级 codes 71-79, e.g. 370176 济南高新区).
   * They have legal-service centres but are not GB/T 2260 divisions; false for every other level.
   */
  readonly developmentZone: boolean;
}
