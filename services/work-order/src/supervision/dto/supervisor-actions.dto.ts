import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRANSFER_CONSENT_METHODS } from '@legal/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ReasonDto {
  @ApiProperty({ description: 'Why (goes on the timeline)', example: '申请人撤回申请', minLength: 2, maxLength: 1000 })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;
}

/** The caller's consent to hand their contact to 12345 for its callback (个人信息保护法 第二十三条). */
export class CallerConsentDto {
  @ApiProperty({ description: 'true: the caller agreed that 12345 gets their name and phone', example: true })
  @IsBoolean()
  given!: boolean;

  @ApiProperty({ description: 'When the caller was asked (RFC 3339)', example: '2026-12-04T20:10:00+08:00' })
  @IsISO8601({ strict: true })
  obtainedAt!: string;

  @ApiProperty({
    description: 'How the consent was obtained',
    enum: TRANSFER_CONSENT_METHODS,
    example: 'recorded-call',
  })
  @IsIn(TRANSFER_CONSENT_METHODS)
  method!: (typeof TRANSFER_CONSENT_METHODS)[number];
}

/** 12348 → 12345: why the matter belongs to 12345, and what 12345 needs to take it over. */
export class TransferOutDto extends ReasonDto {
  @ApiProperty({
    description: 'The matter for 12345 (what the caller needs)',
    example: '来电人反映小区供暖不达标，属于住建部门职责',
    minLength: 2,
    maxLength: 800,
  })
  @IsString()
  @MinLength(2)
  @MaxLength(800)
  summary!: string;

  @ApiPropertyOptional({
    description:
      'Whether the caller agreed that 12345 calls them back: only then does their name and phone (as recorded on the ' +
      'work order) go to 12345, sealed. Absent or given false: 12345 gets the matter without the contact',
    type: () => CallerConsentDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallerConsentDto)
  callerConsent?: CallerConsentDto;
}

export class ReassignDto extends ReasonDto {
  @ApiProperty({
    description: 'Organisation to offer it to; omitted: route again, away from the current one',
    example: 'org-371300-legal-aid',
    required: false,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'organisationId must be an organisation id like org-371300-legal-aid' })
  organisationId?: string;

  @ApiProperty({ description: 'Staff member of that organisation', example: 'staff-linyi-wang', required: false })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  staffId?: string;
}

export class EscalateDto extends ReasonDto {
  @ApiProperty({
    description: 'Calendar days the supervision order (督办) gives, counted by the legal rule',
    example: 3,
    minimum: 1,
    maximum: 60,
  })
  @IsInt()
  @Min(1)
  @Max(60)
  dueInDays!: number;

  @ApiProperty({
    description: 'Organisation that must act; default the one holding the work order',
    example: 'org-371324-legal-aid',
    required: false,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'organisationId must be an organisation id like org-371324-legal-aid' })
  organisationId?: string;
}

export class ExtendDeadlineDto extends ReasonDto {
  @ApiProperty({
    description: "Extension in the deadline's own units (days or working days)",
    example: 15,
    minimum: 1,
    maximum: 90,
  })
  @IsInt()
  @Min(1)
  @Max(90)
  units!: number;
}

export class ResolveSupervisionOrderDto {
  @ApiProperty({
    description: 'How the supervision order (督办) was answered (goes on the timeline)',
    example: '县中心已指派律师并电话回访申请人',
    minLength: 2,
    maxLength: 2000,
  })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  resolution!: string;
}
