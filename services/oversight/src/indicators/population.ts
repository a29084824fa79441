/**
 * Resident population of Shandong and its 16 cities, the denominator of plan indicator 14 (legal-aid cases per
 * 100,000 people). Source: 山东省第七次全国人口普查公报（第二号）, Shandong Provincial Bureau of Statistics,
 * 2021-05-20; census reference date 2020-11-01. The sixteen cities sum to the province total.
 * County figures are not kept here yet: the indicator is answered for the province and cities only.
 */
export const POPULATION_SOURCE = '山东省第七次全国人口普查公报（第二号），普查标准时点 2020-11-01';

export const POPULATION: Readonly<Record<string, number>> = {
  '370000': 101_527_453,
  '370100': 9_202_432,
  '370200': 10_071_722,
  '370300': 4_704_138,
  '370400': 3_855_601,
  '370500': 2_193_518,
  '370600': 7_102_116,
  '370700': 9_386_705,
  '370800': 8_357_897,
  '370900': 5_472_217,
  '371000': 2_906_548,
  '371100': 2_968_365,
  '371300': 11_018_365,
  '371400': 5_611_194,
  '371500': 5_952_128,
  '371600': 3_928_568,
  '371700': 8_795_939,
};
