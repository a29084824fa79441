import { POPULATION } from './population';

describe('population table', () => {
  it('has sixteen cities that sum to the province total of the 2020 census', () => {
    const cities = Object.entries(POPULATION).filter(([code]) => code !== '370000');
    expect(cities).toHaveLength(16);
    expect(cities.reduce((sum, [, n]) => sum + n, 0)).toBe(POPULATION['370000']);
  });
});
