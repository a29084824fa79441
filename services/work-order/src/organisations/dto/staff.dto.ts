import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/page.dto';
import { DutyScheduleDto } from './duty-schedule.dto';

export class StaffCreateDto {
  @ApiProperty({ description: 'Id; default generated', example: 'staff-lanling-li', required: false })
  @IsOptional()
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'id must be 3-64 lower-case letters, digits or dashes' })
  id?: string;

  @ApiProperty({ description: 'Organisation', example: 'org-371324-legal-aid' })
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'organisationId must be an organisation id' })
  organisationId!: string;

  @ApiProperty({ description: 'Name', example: '李律师' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ description: 'Expertise tags (matched against topic tags)', example: ['labour-dispute', 'family'] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9-]{2,40}$/, {
    each: true,
    message: 'each expertise tag must be 2-40 lower-case letters, digits or dashes',
  })
  expertise!: string[];

  @ApiProperty({ description: 'Languages (BCP 47)', example: ['zh'] })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, {
    each: true,
    message: 'each language must be a BCP 47 tag like zh or zh-yue',
  })
  languages!: string[];

  @ApiProperty({ description: 'Open work orders the person can carry', example: 10, minimum: 1, maximum: 500 })
  @IsInt()
  @Min(1)
  @Max(500)
  capacity!: number;

  @ApiProperty({ description: 'On-duty schedule', type: DutyScheduleDto })
  @ValidateNested()
  @Type(() => DutyScheduleDto)
  onDuty!: DutyScheduleDto;
}

export class StaffUpdateDto extends PartialType(
  PickType(StaffCreateDto, ['name', 'expertise', 'languages', 'capacity', 'onDuty'] as const),
) {
  @ApiProperty({ description: 'Takes new work', example: true, required: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class StaffQueryDto extends PageQueryDto {
  @ApiProperty({ description: 'Organisation', example: 'org-371324-legal-aid', required: false })
  @IsOptional()
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'organisationId must be an organisation id' })
  organisationId?: string;
}

export class StaffDto {
  @ApiProperty({ description: 'Id', example: 'staff-lanling-li' })
  id!: string;
  @ApiProperty({ description: 'Organisation', example: 'org-371324-legal-aid' })
  organisationId!: string;
  @ApiProperty({ description: 'Name', example: '李律师' })
  name!: string;
  @ApiProperty({ description: 'Expertise tags', example: ['labour-dispute'] })
  expertise!: string[];
  @ApiProperty({ description: 'Languages', example: ['zh'] })
  languages!: string[];
  @ApiProperty({ description: 'Capacity', example: 10 })
  capacity!: number;
  @ApiProperty({ description: 'On-duty schedule', type: DutyScheduleDto })
  onDuty!: DutyScheduleDto;
  @ApiProperty({ description: 'Takes new work', example: true })
  active!: boolean;
}

export class StaffPageDto {
  @ApiProperty({ description: 'Staff', type: StaffDto, isArray: true })
  items!: StaffDto[];
  @ApiProperty({ description: 'Matching in all', example: 3 })
  total!: number;
  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;
  @ApiProperty({ description: 'Offset', example: 0 })
  offset!: number;
}
