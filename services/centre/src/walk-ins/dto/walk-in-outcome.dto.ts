import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCaseCode } from '@legal/domain';
import { SERVICE_TYPES, ServiceType } from '@legal/contracts';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { VISIT_OUTCOMES, VisitOutcome } from '../entities/walk-in-visit.entity';

/** What came of the visit: answered at the counter, or a work order to follow. */
export class WalkInOutcomeDto {
  @ApiProperty({
    description: 'answered-on-spot: closed at once with its own case code; work-order: handed on for handling',
    enum: VISIT_OUTCOMES,
    example: 'work-order',
  })
  @IsIn(VISIT_OUTCOMES)
  outcome!: VisitOutcome;

  @ApiProperty({ description: 'What the citizen asks for', example: '邻居占用宅基地，协商不成', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description!: string;

  @ApiPropertyOptional({
    description: 'Service type, if the clerk knows it',
    enum: SERVICE_TYPES,
    example: 'mediation',
  })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;

  @ApiPropertyOptional({
    description: 'What the clerk answered (required when answered-on-spot)',
    example: '告知可申请人民调解，并说明所需材料',
    maxLength: 2000,
  })
  @ValidateIf((o: WalkInOutcomeDto) => o.outcome === 'answered-on-spot' || o.answerSummary !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  answerSummary?: string;

  @ApiProperty({ description: 'Urgency', enum: ['normal', 'urgent'], example: 'normal', default: 'normal' })
  @IsIn(['normal', 'urgent'])
  urgency: 'normal' | 'urgent' = 'normal';

  @ApiProperty({ description: 'BCP 47 language spoken', example: 'zh', default: 'zh' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, { message: 'language must be a BCP 47 tag such as zh, zh-yue or en' })
  language: string = 'zh';

  @ApiPropertyOptional({ description: 'The citizen belongs to a vulnerable group', example: false })
  @IsOptional()
  @IsBoolean()
  vulnerableGroup?: boolean;

  @ApiPropertyOptional({
    description: 'A limitation period or hearing date that is close (RFC 3339)',
    example: '2026-12-10T00:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  legalDeadlineAt?: string;

  @ApiPropertyOptional({
    description: 'Case code of an earlier request this visit is about',
    example: '371324-20261128-000001-7',
  })
  @IsOptional()
  @IsCaseCode()
  relatedCaseCode?: string;
}
