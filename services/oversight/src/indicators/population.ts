import census from './population-census-2020.json';

/**
 * Resident population, the denominator of plan indicator 14 (legal-aid cases per 100,000 people), kept in
 * `population-census-2020.json` with its source and reference date: the Seventh National Population Census
 * (reference date 2020-11-01), city figures from 山东省第七次全国人口普查公报（第二号）, Shandong Provincial Bureau of
 * Statistics, May 2021. Province and cities only: no kept, dated source of county figures is available, so counties
 * and townships answer NEEDS_COUNTY_POPULATION instead of a value. To replace it (a newer census or a yearbook),
 * add a data file of the same shape and point this import at it (README, "Population table").
 */
export const POPULATION_SOURCE = `${census.source}（${census.publisher}，${census.published}），普查标准时点 ${census.referenceDate}`;

export const POPULATION_REFERENCE_DATE: string = census.referenceDate;

export const POPULATION: Readonly<Record<string, number>> = census.population;

/** The reason a region below the cities has no legal-aid-per-100k figure. */
export const NEEDS_COUNTY_POPULATION = 'needs county population data';

/** A region's population, or why there is none (a county, a township, or a grouping that is no region). */
export type PopulationAnswer = { population: number } | { missing: string };

export function populationOf(regionCode: string): PopulationAnswer {
  const population = POPULATION[regionCode];
  return population === undefined ? { missing: NEEDS_COUNTY_POPULATION } : { population };
}

/** For groupings that are no region (days, organisations, service types). */
export const NOT_A_REGION: PopulationAnswer = { missing: 'population is kept per region only' };
