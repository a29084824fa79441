import census from './population-census-2020.json';
import { NEEDS_COUNTY_POPULATION, POPULATION, POPULATION_SOURCE, populationOf } from './population';

describe('population table', () => {
  it('has sixteen cities that sum to the province total of the 2020 census', () => {
    const cities = Object.entries(POPULATION).filter(([code]) => code !== '370000');
    expect(cities).toHaveLength(16);
    expect(cities.every(([code]) => /^37\d{2}00$/.test(code))).toBe(true);
    expect(cities.reduce((sum, [, n]) => sum + n, 0)).toBe(101_527_453);
    expect(POPULATION['370000']).toBe(101_527_453);
  });

  it('keeps its source and reference date, and says county figures are not included', () => {
    expect(census.referenceDate).toBe('2020-11-01');
    expect(POPULATION_SOURCE).toContain('山东省第七次全国人口普查公报');
    expect(POPULATION_SOURCE).toContain('2020-11-01');
    expect(census.note).toMatch(/County figures are not included/);
  });

  it('answers a city with its population and a county with the reason it has none', () => {
    expect(populationOf('370100')).toEqual({ population: 9_202_432 });
    expect(populationOf('370102')).toEqual({ missing: NEEDS_COUNTY_POPULATION });
    expect(populationOf('370102001')).toEqual({ missing: NEEDS_COUNTY_POPULATION });
  });
});
