import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HARDSHIP_RESULTS } from '../hardship-evaluation';
import type { ProposalSnapshot, ReviewSnapshot } from '../hardship-evaluation';
import type { HardshipReview } from '../entities/hardship-review.entity';

export class ExemptProposalDto {
  @ApiProperty({ description: 'Exempt category code', example: 'migrant-worker-wages' })
  code!: string;

  @ApiProperty({ description: 'Category', example: '申请支付劳动报酬的进城务工人员' })
  labelZh!: string;

  @ApiProperty({ description: 'Category (English)', example: 'Migrant workers claiming unpaid wages' })
  labelEn!: string;

  @ApiProperty({ description: 'Legal basis', example: '法律援助法 第42条第(三)项' })
  legalBasis!: string;

  @ApiProperty({ description: 'What in the matter shows it', example: 'the description mentions 工地 and 拖欠工资' })
  reason!: string;
}

export class HardshipReviewResponseDto {
  @ApiPropertyOptional({ type: Number, description: 'Household members', example: 3, nullable: true })
  householdSize!: number | null;

  @ApiPropertyOptional({
    type: Number,
    description: 'Household income per month (yuan)',
    example: 4500,
    nullable: true,
  })
  householdMonthlyIncome!: number | null;

  @ApiPropertyOptional({
    type: Number,
    description: 'Income per member per month (yuan)',
    example: 1500,
    nullable: true,
  })
  monthlyIncomePerCapita!: number | null;

  @ApiPropertyOptional({
    type: String,
    description: 'Exempt category matched',
    example: 'migrant-worker-wages',
    nullable: true,
  })
  exemptCategoryCode!: string | null;

  @ApiPropertyOptional({
    type: Number,
    description: 'Threshold used (yuan per member per month)',
    example: 1800,
    nullable: true,
  })
  thresholdAmount!: number | null;

  @ApiPropertyOptional({ type: String, description: 'Region of the threshold used', example: '371324', nullable: true })
  thresholdRegionCode!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'Level of the threshold used: county, city or province',
    example: 'county',
    nullable: true,
  })
  thresholdSource!: string | null;

  @ApiPropertyOptional({
    description:
      'The exempt category the matter shows (from its description and classification), for the officer to confirm with POST .../exemption',
    type: ExemptProposalDto,
    nullable: true,
  })
  proposedExemptCategory!: ProposalSnapshot | null;

  @ApiProperty({ description: 'Integrity commitment (诚信承诺) signed', example: true })
  integrityCommitment!: boolean;

  @ApiProperty({ description: 'Result of the rule', enum: HARDSHIP_RESULTS, example: 'eligible' })
  computedResult!: string;

  @ApiPropertyOptional({
    description: "Officer's override",
    enum: HARDSHIP_RESULTS,
    example: 'eligible',
    nullable: true,
  })
  overrideResult!: string | null;

  @ApiPropertyOptional({ description: 'Reason for the override', example: null, nullable: true })
  overrideReason!: string | null;

  @ApiProperty({ description: 'Result the decision rests on', enum: HARDSHIP_RESULTS, example: 'eligible' })
  finalResult!: string;

  @ApiProperty({
    description: 'Explanation of the result',
    example: 'Monthly income per household member 1500.00 yuan ... is at or below the county threshold 1800.00 yuan',
  })
  explanation!: string;

  @ApiProperty({
    description: 'Every input and rule applied, frozen at review time',
    example: { rule: 'monthly income per capita <= threshold' },
  })
  snapshot!: ReviewSnapshot;

  @ApiProperty({ description: 'Who reviewed', example: 'officer-7' })
  reviewedBy!: string;

  @ApiProperty({ description: 'When reviewed', example: '2026-11-29T02:00:00.000Z' })
  reviewedAt!: string;

  static of(r: HardshipReview): HardshipReviewResponseDto {
    return {
      householdSize: r.householdSize,
      householdMonthlyIncome: r.householdMonthlyIncome,
      monthlyIncomePerCapita: r.monthlyIncomePerCapita,
      exemptCategoryCode: r.exemptCategoryCode,
      thresholdAmount: r.thresholdAmount,
      thresholdRegionCode: r.thresholdRegionCode,
      thresholdSource: r.thresholdSource,
      proposedExemptCategory: r.finalResult === 'exempt' ? null : (r.snapshot.proposedExemption ?? null),
      integrityCommitment: r.integrityCommitment,
      computedResult: r.computedResult,
      overrideResult: r.overrideResult,
      overrideReason: r.overrideReason,
      finalResult: r.finalResult,
      explanation: r.explanation,
      snapshot: r.snapshot,
      reviewedBy: r.reviewedBy,
      reviewedAt: r.reviewedAt.toISOString(),
    };
  }
}
