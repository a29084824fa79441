import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { HANDLERS, Handler, SERVICE_TYPES, ServiceType } from '@legal/contracts';
import { IsRegionCode } from '@legal/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/page.dto';
import { ORGANISATION_KINDS, OrganisationKind } from '../entities/organisation.entity';
import { DutyScheduleDto } from './duty-schedule.dto';

export class OrganisationCreateDto {
  @ApiProperty({
    description: 'Id; default org-<regionCode>-<kind suffix>',
    example: 'org-371324-lawfirm-zhengyi',
    required: false,
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'id must be 3-64 lower-case letters, digits or dashes' })
  id?: string;

  @ApiProperty({ description: 'Name', example: '兰陵县正义律师事务所' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'Kind', enum: ORGANISATION_KINDS, example: 'external-agency' })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiProperty({ description: 'Division it serves (Shandong, any level)', example: '371324' })
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({
    description: 'Handler service; default by kind',
    enum: HANDLERS,
    example: 'external-agency',
    required: false,
  })
  @IsOptional()
  @IsIn(HANDLERS)
  handler?: Handler;

  @ApiProperty({
    description: 'Service types handled',
    enum: SERVICE_TYPES,
    isArray: true,
    example: ['lawyer-referral'],
  })
  @IsArray()
  @ArrayMaxSize(SERVICE_TYPES.length)
  @IsIn(SERVICE_TYPES, { each: true })
  serviceTypes!: ServiceType[];

  @ApiProperty({ description: 'Duty hours', type: DutyScheduleDto })
  @ValidateNested()
  @Type(() => DutyScheduleDto)
  dutyHours!: DutyScheduleDto;

  @ApiProperty({ description: 'Address', example: '山东省临沂市兰陵县文化路1号' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  address!: string;

  @ApiProperty({ description: 'Public phone', example: '0539-5211234' })
  @Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|12348)$/, {
    message: 'phone must be a mobile, a landline with area code, or 12348',
  })
  phone!: string;
}

export class OrganisationUpdateDto extends PartialType(
  PickType(OrganisationCreateDto, ['name', 'serviceTypes', 'dutyHours', 'address', 'phone'] as const),
) {
  @ApiProperty({ description: 'Whether it takes new work', example: true, required: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class VillageRoomCreateDto {
  @ApiProperty({ description: '12-digit village (村/居委会) code', example: '371324101001' })
  @IsRegionCode({ levels: ['village'] })
  villageCode!: string;
}

export class OrganisationQueryDto extends PageQueryDto {
  @ApiProperty({ description: 'Organisations of this division and below', example: '371324', required: false })
  @IsOptional()
  @Matches(/^37\d{4}(\d{3}(\d{3})?)?$/, { message: 'regionCode must be a Shandong division code' })
  regionCode?: string;

  @ApiProperty({ description: 'Kind', enum: ORGANISATION_KINDS, required: false, example: 'legal-aid-centre' })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiProperty({ description: 'Handles this service type', enum: SERVICE_TYPES, required: false, example: 'legal-aid' })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;
}

export class OrganisationDto {
  @ApiProperty({ description: 'Id', example: 'org-371324-legal-aid' })
  id!: string;
  @ApiProperty({ description: 'Name', example: '临沂市兰陵县法律援助中心' })
  name!: string;
  @ApiProperty({ description: 'Kind', enum: ORGANISATION_KINDS, example: 'legal-aid-centre' })
  kind!: string;
  @ApiProperty({ description: 'Level of its division', example: 'county' })
  level!: string;
  @ApiProperty({ description: 'Division served', example: '371324' })
  regionCode!: string;
  @ApiProperty({ description: 'Handler service', enum: HANDLERS, example: 'legal-aid' })
  handler!: string;
  @ApiProperty({ description: 'Service types handled', example: ['legal-aid', 'duty-lawyer', 'notified-defence'] })
  serviceTypes!: string[];
  @ApiProperty({ description: 'Duty hours', type: DutyScheduleDto })
  dutyHours!: DutyScheduleDto;
  @ApiProperty({ description: 'Address', example: '山东省临沂市兰陵县' })
  address!: string;
  @ApiProperty({ description: 'Phone', example: '12348' })
  phone!: string;
  @ApiProperty({ description: 'Takes new work', example: true })
  active!: boolean;
}

export class OrganisationPageDto {
  @ApiProperty({ description: 'Organisations', type: OrganisationDto, isArray: true })
  items!: OrganisationDto[];
  @ApiProperty({ description: 'Matching in all', example: 4 })
  total!: number;
  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;
  @ApiProperty({ description: 'Offset', example: 0 })
  offset!: number;
}
