import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/page.dto';
import type { RoutingRuleEntity } from '../entities/routing-rule.entity';
import { ROUTING_RULE_KINDS, RoutingRuleKind } from '../routing-rule.types';

export class RoutingRuleCreateDto {
  @ApiProperty({ description: 'Stable key of the rule across revisions', example: 'handler.family-mediation' })
  @Matches(/^[a-z0-9][a-z0-9.-]{1,63}$/, { message: 'ruleKey must be 2-64 lower-case letters, digits, dots or dashes' })
  ruleKey!: string;

  @ApiProperty({
    description: 'Kind (decides which params it takes)',
    enum: ROUTING_RULE_KINDS,
    example: 'service-handler',
  })
  @IsIn(ROUTING_RULE_KINDS)
  kind!: RoutingRuleKind;

  @ApiProperty({
    description: 'Name shown in routing explanations',
    example: 'Mediation may also go to township workstations',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    description: 'Parameters of the kind (validated per kind; unknown ones refused)',
    example: { serviceTypes: ['mediation'], organisationKinds: ['township-workstation'] },
  })
  @IsObject()
  params!: Record<string, unknown>;

  @ApiProperty({ description: 'Applied to new decisions', example: true })
  @IsBoolean()
  enabled!: boolean;
}

export class RoutingRuleUpdateDto {
  @ApiProperty({ description: 'Name', example: 'Lowest organisation first, falling back up the tree', required: false })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name?: string;

  @ApiProperty({
    description: 'All parameters of the new revision',
    example: { baseScore: 100, perLevelPenalty: 30, provinceWideKinds: ['hotline-duty-team'], provinceWideScore: 60 },
    required: false,
  })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;

  @ApiProperty({ description: 'Applied to new decisions', example: false, required: false })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class RoutingRuleQueryDto extends PageQueryDto {
  @ApiProperty({ description: 'Include superseded revisions', example: false, required: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  history?: boolean;
}

export class RoutingRuleDto {
  @ApiProperty({ description: 'Revision id', example: '8d1f…' })
  id!: string;
  @ApiProperty({ description: 'Rule key', example: 'jurisdiction' })
  ruleKey!: string;
  @ApiProperty({ description: 'Revision', example: 2 })
  revision!: number;
  @ApiProperty({ description: 'Kind', enum: ROUTING_RULE_KINDS, example: 'jurisdiction' })
  kind!: string;
  @ApiProperty({ description: 'Name', example: 'Lowest organisation for the region first, falling back up the tree' })
  name!: string;
  @ApiProperty({ description: 'Parameters', example: { baseScore: 100, perLevelPenalty: 25 } })
  params!: Record<string, unknown>;
  @ApiProperty({ description: 'Applied to new decisions', example: true })
  enabled!: boolean;
  @ApiProperty({ description: 'Written by', example: 'admin-1' })
  createdBy!: string;
  @ApiProperty({ description: 'Written at', example: '2025-11-28T00:00:00.000Z' })
  createdAt!: string;
  @ApiProperty({ description: 'Superseded at (null for the current revision)', example: null, nullable: true })
  supersededAt!: string | null;
}

export class RoutingRulePageDto {
  @ApiProperty({ description: 'Rules', type: RoutingRuleDto, isArray: true })
  items!: RoutingRuleDto[];
  @ApiProperty({ description: 'In all', example: 14 })
  total!: number;
  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;
  @ApiProperty({ description: 'Offset', example: 0 })
  offset!: number;
}

export function toRoutingRuleDto(r: RoutingRuleEntity): RoutingRuleDto {
  return {
    id: r.id,
    ruleKey: r.ruleKey,
    revision: r.revision,
    kind: r.kind,
    name: r.name,
    params: r.params,
    enabled: r.enabled,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    supersededAt: r.supersededAt?.toISOString() ?? null,
  };
}
