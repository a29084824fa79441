import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_TYPES, ServiceType } from '@legal/contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const COUNTER_PATTERN = /^[A-Z]{1,2}$/;

export class TicketCreateDto {
  @ApiProperty({ description: 'Counter (or service line) letter: A, B ... (1-2 capital letters)', example: 'A' })
  @Matches(COUNTER_PATTERN, { message: 'counter must be 1-2 capital letters, e.g. A' })
  counter!: string;

  @ApiPropertyOptional({
    description: 'Service the citizen came for, if chosen at the kiosk',
    enum: SERVICE_TYPES,
    example: 'legal-aid',
  })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;
}
