import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_TYPES, ServiceType } from '@legal/contracts';
import { IsCaseCode, IsChinesePhone, IsRegionCode } from '@legal/domain';
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
import { CALL_OUTCOMES, CallOutcome } from '../entities/hotline-call.entity';

/** What an agent enters while on the phone. */
export class CallCreateDto {
  @ApiProperty({ description: 'Caller phone number (mobile or landline with area code)', example: '13812345678' })
  @IsChinesePhone()
  callerPhone!: string;

  @ApiPropertyOptional({ description: "Caller's name, if given", example: '张三', maxLength: 50 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  callerName?: string;

  @ApiProperty({
    description: 'GB/T 2260 code of where the matter is (county, township or village)',
    example: '371324101',
  })
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({ description: 'BCP 47 language of the call', example: 'zh', default: 'zh' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, { message: 'language must be a BCP 47 tag such as zh, zh-yue or en' })
  language: string = 'zh';

  @ApiProperty({
    description: 'What the caller asks about',
    example: '在工地干了半年活，老板拖欠工资三万元不给',
    maxLength: 5000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description!: string;

  @ApiPropertyOptional({
    description: 'Service type, if the agent knows it (else the router infers it)',
    enum: SERVICE_TYPES,
    example: 'legal-aid',
  })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;

  @ApiProperty({ description: 'Urgency', enum: ['normal', 'urgent'], example: 'normal', default: 'normal' })
  @IsIn(['normal', 'urgent'])
  urgency: 'normal' | 'urgent' = 'normal';

  @ApiPropertyOptional({
    description: 'Caller belongs to a vulnerable group (minor, elderly, disabled, migrant worker ...)',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  vulnerableGroup?: boolean;

  @ApiPropertyOptional({
    description: 'A limitation period or court date the caller mentioned (RFC 3339)',
    example: '2026-12-10T00:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  legalDeadlineAt?: string;

  @ApiPropertyOptional({
    description: 'Case code of an earlier request this call is about',
    example: '371321-20261128-000001-7',
  })
  @IsOptional()
  @IsCaseCode()
  relatedCaseCode?: string;

  @ApiProperty({
    description:
      'answered-on-spot: the consultation was fully answered on the call (closed at once with its own case code); follow-up: it becomes a work order',
    enum: CALL_OUTCOMES,
    example: 'follow-up',
  })
  @IsIn(CALL_OUTCOMES)
  outcome!: CallOutcome;

  @ApiPropertyOptional({
    description: 'What the agent answered (required when answered-on-spot)',
    example: '告知可向劳动监察大队投诉，并可申请法律援助',
    maxLength: 2000,
  })
  @ValidateIf((o: CallCreateDto) => o.outcome === 'answered-on-spot' || o.answerSummary !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  answerSummary?: string;
}
