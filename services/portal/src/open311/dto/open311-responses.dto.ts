import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class Open311ServiceDto {
  @ApiProperty({ description: 'Service code', example: 'legal-aid' })
  service_code!: string;

  @ApiProperty({ description: 'Name', example: '法律援助' })
  service_name!: string;

  @ApiProperty({ description: 'Description', example: '法律援助 (Legal aid (civil and administrative))' })
  description!: string;

  @ApiProperty({ description: 'Whether the service has extra attributes (never)', example: false })
  metadata!: boolean;

  @ApiProperty({ description: 'Always realtime', example: 'realtime' })
  type!: string;

  @ApiProperty({ description: 'Comma-separated keywords', example: 'legal-aid,法律援助,Legal aid' })
  keywords!: string;

  @ApiProperty({ description: 'Group', example: 'legal-aid' })
  group!: string;
}

export class Open311CreatedDto {
  @ApiProperty({ description: 'Id to query with GET requests/{id}.json', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  service_request_id!: string;

  @ApiProperty({ description: 'The same id, for clients that poll by token', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  token!: string;

  @ApiProperty({ description: 'What happens next', example: 'Received. A case code (一案一码) follows in service_notice of GET requests/{id}.json.' })
  service_notice!: string;
}

export class Open311RequestDto {
  @ApiProperty({ description: 'Id', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  service_request_id!: string;

  @ApiProperty({ description: 'open or closed', enum: ['open', 'closed'], example: 'open' })
  status!: 'open' | 'closed';

  @ApiProperty({ description: 'Plain-language status', example: 'Your legal-aid application is being reviewed; a decision is due by 5 December.' })
  status_notes!: string;

  @ApiProperty({ description: 'Service name', example: '法律援助' })
  service_name!: string;

  @ApiProperty({ description: 'Service code', example: 'legal-aid' })
  service_code!: string;

  @ApiPropertyOptional({ description: 'Description given', example: '老板拖欠工资三万元' })
  description?: string;

  @ApiPropertyOptional({ description: 'Organisation handling it', example: '兰陵县法律援助中心' })
  agency_responsible?: string;

  @ApiPropertyOptional({ description: 'Case code (一案一码) once assigned', example: 'Case code 371324-20261128-000001-7' })
  service_notice?: string;

  @ApiProperty({ description: 'Submitted at', example: '2026-11-28T10:15:00+08:00' })
  requested_datetime!: string;

  @ApiProperty({ description: 'Last change', example: '2026-11-28T10:20:00+08:00' })
  updated_datetime!: string;

  @ApiPropertyOptional({ description: 'When the next step is due', example: '2026-12-05T23:59:59+08:00' })
  expected_datetime?: string;
}
