import { ApiProperty } from '@nestjs/swagger';
import {
  PLATFORMS,
  Platform,
  SERVICE_TYPES,
  ServiceType,
  WORK_ORDER_STATUSES,
  WorkOrderStatus,
} from '@legal/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page.dto';

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Filters of GET /work-orders (all optional, combined with AND; always within the caller's jurisdiction). */
export class WorkOrderSearchDto extends PageQueryDto {
  @ApiProperty({ description: 'Lifecycle status', enum: WORK_ORDER_STATUSES, required: false, example: 'offered' })
  @IsOptional()
  @IsIn(WORK_ORDER_STATUSES)
  status?: WorkOrderStatus;

  @ApiProperty({ description: 'Service type', enum: SERVICE_TYPES, required: false, example: 'legal-aid' })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;

  @ApiProperty({
    description: 'Division code: the division and everything below it (371300 = all of Linyi)',
    required: false,
    example: '371324',
  })
  @IsOptional()
  @Matches(/^37\d{4}(\d{3}(\d{3})?)?$/, {
    message: 'regionCode must be a Shandong division code (6, 9 or 12 digits starting 37)',
  })
  regionCode?: string;

  @ApiProperty({
    description: 'Organisation currently holding the work order',
    required: false,
    example: 'org-371324-legal-aid',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organisationId?: string;

  @ApiProperty({
    description: 'Only work orders with a deadline overdue (true) or none overdue (false)',
    required: false,
    example: true,
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;

  @ApiProperty({
    description: 'Only work orders with an intake from this platform',
    enum: PLATFORMS,
    required: false,
    example: 'portal',
  })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiProperty({
    description: 'Received at or after (RFC 3339)',
    required: false,
    example: '2025-11-01T00:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedFrom?: string;

  @ApiProperty({ description: 'Received before (RFC 3339)', required: false, example: '2025-12-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedTo?: string;
}
