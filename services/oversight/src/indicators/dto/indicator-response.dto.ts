import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RegionRefDto {
  @ApiProperty({ example: '370100' })
  code!: string;

  @ApiProperty({ example: '济南市' })
  name!: string;
}

export class PeriodDto {
  @ApiProperty({ example: '2026-11' })
  label!: string;

  @ApiProperty({ description: 'Start, inclusive (midnight Asia/Shanghai)', example: '2026-10-31T16:00:00.000Z' })
  from!: string;

  @ApiProperty({ description: 'End, exclusive', example: '2026-11-30T16:00:00.000Z' })
  to!: string;
}

export class IndicatorDefinitionDto {
  @ApiProperty({ example: 'satisfaction' })
  code!: string;

  @ApiProperty({ example: '好评率' })
  nameZh!: string;

  @ApiPropertyOptional({ description: "Number in the plan's indicator table", example: 14 })
  planItem?: number;

  @ApiProperty({ example: 'Evaluations scoring 4 or 5 among all evaluations.' })
  definition!: string;

  @ApiProperty({ example: 'evaluations with score ≥ 4 / evaluations × 100' })
  formula!: string;

  @ApiProperty({ type: [String], example: ['legal.feedback.evaluation-submitted.v1'] })
  sourceEvents!: string[];

  @ApiPropertyOptional({ description: "The plan's yearly target, in the unit", example: 100 })
  target?: number;

  @ApiProperty({ description: 'The ranking order', example: true })
  higherIsBetter!: boolean;

  @ApiProperty({ enum: ['%', '件', '小时', '分钟', '件/10万人'], example: '%' })
  unit!: string;

  @ApiProperty({
    description: 'False for an indicator the stream cannot measure (the definition says why); it never has a value',
    example: true,
  })
  measurable!: boolean;
}

export class IndicatorFigureDto extends IndicatorDefinitionDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Null when the denominator is zero or unknown',
    example: 50,
  })
  value!: number | null;

  @ApiProperty({ example: 1 })
  numerator!: number;

  @ApiProperty({ type: Number, nullable: true, example: 2 })
  denominator!: number | null;

  @ApiProperty({
    required: false,
    type: Number,
    nullable: true,
    description:
      "legal-aid-per-100k only: the period's cases per 100,000 scaled to a year (value × 365 / days of the period), " +
      'to compare with the yearly target',
    example: 255.5,
  })
  annualised?: number | null;

  @ApiProperty({
    required: false,
    description: 'Why this figure has no value although the indicator is measurable (measurable is then false)',
    example: 'needs county population data',
  })
  reason?: string;
}

export class IndicatorReportDto {
  @ApiProperty({ type: PeriodDto })
  period!: PeriodDto;

  @ApiProperty({ type: RegionRefDto })
  region!: RegionRefDto;

  @ApiProperty({
    description: 'Where the population figures come from',
    example: '山东省第七次全国人口普查公报（第二号）',
  })
  populationSource!: string;

  @ApiProperty({ type: [IndicatorFigureDto] })
  indicators!: IndicatorFigureDto[];
}

export class SeriesPointDto {
  @ApiProperty({ description: 'Day or month (Asia/Shanghai)', example: '2026-11-10' })
  bucket!: string;

  @ApiProperty({ type: Number, nullable: true, example: 3 })
  value!: number | null;
}

export class SeriesDto {
  @ApiProperty({ example: 'intakes' })
  code!: string;

  @ApiProperty({ type: RegionRefDto })
  region!: RegionRefDto;

  @ApiProperty({ type: [SeriesPointDto] })
  points!: SeriesPointDto[];
}

export class RankingRowDto {
  @ApiProperty({ example: 1 })
  rank!: number;

  @ApiProperty({ type: RegionRefDto })
  region!: RegionRefDto;

  @ApiProperty({ type: Number, nullable: true, example: 4 })
  value!: number | null;

  @ApiProperty({ example: 4 })
  numerator!: number;

  @ApiProperty({ type: Number, nullable: true, example: null })
  denominator!: number | null;

  @ApiProperty({
    required: false,
    type: Number,
    nullable: true,
    description:
      "legal-aid-per-100k only: the period's cases per 100,000 scaled to a year (value × 365 / days of the period), " +
      'to compare with the yearly target',
    example: 255.5,
  })
  annualised?: number | null;

  @ApiProperty({
    required: false,
    description: 'Why this figure has no value although the indicator is measurable (measurable is then false)',
    example: 'needs county population data',
  })
  reason?: string;
}

export class RankingDto {
  @ApiProperty({ example: 'intakes' })
  code!: string;

  @ApiProperty({ type: RegionRefDto })
  region!: RegionRefDto;

  @ApiProperty({ type: [RankingRowDto] })
  rows!: RankingRowDto[];
}

export class OrganisationRefDto {
  @ApiProperty({ example: 'org-370102-legal-aid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, example: '历下区法律援助中心' })
  name!: string | null;
}

/** What every ranking row carries, whatever it ranks (organisations, service types). */
export class RankedFigureDto {
  @ApiProperty({ example: 1 })
  rank!: number;

  @ApiProperty({ type: Number, nullable: true, example: 50 })
  value!: number | null;

  @ApiProperty({ example: 1 })
  numerator!: number;

  @ApiProperty({ type: Number, nullable: true, example: 2 })
  denominator!: number | null;
}

export class OrganisationRankingRowDto extends RankedFigureDto {
  @ApiProperty({ type: OrganisationRefDto })
  organisation!: OrganisationRefDto;
}

export class OrganisationRankingDto {
  @ApiProperty({ example: 'deadlines-met' })
  code!: string;

  @ApiProperty({ type: RegionRefDto })
  region!: RegionRefDto;

  @ApiProperty({ type: [OrganisationRankingRowDto] })
  rows!: OrganisationRankingRowDto[];
}

export class ServiceTypeRefDto {
  @ApiProperty({ description: 'Service type code (the catalogue of @legal/domain)', example: 'legal-aid' })
  code!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Its Chinese label', example: '法律援助' })
  nameZh!: string | null;
}

export class ServiceTypeRankingRowDto extends RankedFigureDto {
  @ApiProperty({ type: ServiceTypeRefDto })
  serviceType!: ServiceTypeRefDto;
}

export class ServiceTypeRankingDto {
  @ApiProperty({ example: 'deadlines-met' })
  code!: string;

  @ApiProperty({ type: RegionRefDto })
  region!: RegionRefDto;

  @ApiProperty({ type: [ServiceTypeRankingRowDto] })
  rows!: ServiceTypeRankingRowDto[];
}

export class DrillDownDto {
  @ApiProperty({ example: 'overdue' })
  code!: string;

  @ApiProperty({ type: RegionRefDto })
  region!: RegionRefDto;

  @ApiProperty({ example: 1 })
  total!: number;

  @ApiProperty({ type: [String], example: ['370103-20261110-000001-7'] })
  caseCodes!: string[];
}

export class ReadModelResetDto {
  @ApiProperty({ type: [String], example: ['deadline_fact', 'work_order_fact'] })
  emptied!: string[];
}
