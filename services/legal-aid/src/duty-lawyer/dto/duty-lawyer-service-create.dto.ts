import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsChineseIdCard, IsRegionCode } from '@legal/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  DUTY_LAWYER_SERVICES,
  DUTY_LOCATION_TYPES,
  DutyLawyerServiceCode,
  DutyLocationType,
} from '../entities/duty-lawyer-service.entity';

export class DutyPersonDto {
  @ApiPropertyOptional({ description: 'Name of the person helped (stored encrypted)', example: '王五' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'ID-card number (stored hashed and encrypted)', example: '371302199001011234' })
  @IsOptional()
  @IsChineseIdCard()
  idCardNumber?: string;
}

export class DutyLawyerServiceCreateDto {
  @ApiProperty({ description: 'Area of the court/detention centre (Shandong division code)', example: '371302' })
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({ description: 'Where the duty lawyer sat', enum: DUTY_LOCATION_TYPES, example: 'detention-centre' })
  @IsIn(DUTY_LOCATION_TYPES)
  locationType!: DutyLocationType;

  @ApiProperty({ description: 'Name of the place', example: '临沂市兰山区看守所', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  locationName!: string;

  @ApiPropertyOptional({
    description: 'Roster lawyer (gives the name); otherwise give lawyerName',
    example: '5c1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
  })
  @IsOptional()
  @IsUUID()
  lawyerId?: string;

  @ApiPropertyOptional({ description: 'Duty lawyer name, when not on the roster', example: '赵律师' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  lawyerName?: string;

  @ApiProperty({ description: 'The person helped', type: DutyPersonDto })
  @ValidateNested()
  @Type(() => DutyPersonDto)
  person!: DutyPersonDto;

  @ApiProperty({
    description: 'Help given',
    enum: DUTY_LAWYER_SERVICES,
    isArray: true,
    example: ['legal-consultation', 'plea-agreement-witness'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DUTY_LAWYER_SERVICES.length)
  @IsIn(DUTY_LAWYER_SERVICES, { each: true })
  services!: DutyLawyerServiceCode[];

  @ApiPropertyOptional({ description: 'Charge, if any', example: '危险驾驶罪' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  charge?: string;

  @ApiProperty({
    description: 'What was done (no ID numbers)',
    example: '解释认罪认罚从宽制度，见证签署具结书',
    minLength: 2,
    maxLength: 2000,
  })
  @IsString()
  @Length(2, 2000)
  summary!: string;

  @ApiProperty({ description: 'When the help was given (not in the future)', example: '2026-11-28T03:00:00.000Z' })
  @IsISO8601({ strict: true })
  servedAt!: string;
}
