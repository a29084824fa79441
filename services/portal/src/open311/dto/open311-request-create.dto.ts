import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsChinesePhone, IsRegionCode } from '@legal/domain';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsNumber, IsOptional, IsString, IsUrl, Length, Max, Min } from 'class-validator';
import { OPEN311_SERVICE_CODES } from '../open311-catalogue';

/** GeoReport v2 `POST requests` fields (form-encoded or JSON). */
export class Open311RequestCreateDto {
  @ApiPropertyOptional({
    description:
      'GB/T 2260 code of the county/township/village (this deployment’s jurisdictions); else the county named in address_string is used',
    example: '371324',
  })
  @IsOptional()
  @IsRegionCode()
  jurisdiction_id?: string;

  @ApiPropertyOptional({ description: 'Accepted for client compatibility; not required', example: 'demo-key' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  api_key?: string;

  @ApiProperty({ description: 'Service code from services.json', enum: OPEN311_SERVICE_CODES, example: 'legal-aid' })
  @IsIn(OPEN311_SERVICE_CODES)
  service_code!: string;

  @ApiProperty({
    description: 'The request in the citizen’s words',
    example: '老板拖欠工资三万元',
    minLength: 1,
    maxLength: 5000,
  })
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiPropertyOptional({ description: 'Latitude (WGS-84)', example: 34.86 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ description: 'Longitude (WGS-84)', example: 118.05 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  long?: number;

  @ApiPropertyOptional({ description: 'Address in words', example: '山东省临沂市兰陵县卞庄街道', maxLength: 300 })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  address_string?: string;

  @ApiPropertyOptional({
    description: 'Client’s address id (kept in the address text)',
    example: 'addr-123',
    maxLength: 64,
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  address_id?: string;

  @ApiPropertyOptional({ description: 'Contact e-mail', example: 'zhangsan@example.com' })
  @IsOptional()
  @IsEmail()
  @Length(3, 200)
  email?: string;

  @ApiPropertyOptional({ description: 'Client device id (not stored)', example: 'device-1', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  device_id?: string;

  @ApiPropertyOptional({ description: 'Client account id (not stored)', example: 'acct-1', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  account_id?: string;

  @ApiPropertyOptional({ description: 'Given name', example: '三', maxLength: 25 })
  @IsOptional()
  @IsString()
  @Length(1, 25)
  first_name?: string;

  @ApiPropertyOptional({ description: 'Family name', example: '张', maxLength: 25 })
  @IsOptional()
  @IsString()
  @Length(1, 25)
  last_name?: string;

  @ApiPropertyOptional({ description: 'Mainland mobile or landline number', example: '13812345678' })
  @IsOptional()
  @IsChinesePhone()
  phone?: string;

  @ApiPropertyOptional({ description: 'Link to a photo or document', example: 'https://example.com/contract.jpg' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @Length(1, 500)
  media_url?: string;
}
