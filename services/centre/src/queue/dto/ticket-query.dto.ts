import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { TICKET_STATUSES, TicketStatus } from '../entities/queue-ticket.entity';
import { COUNTER_PATTERN } from './ticket-create.dto';

export class TicketQueryDto {
  @ApiPropertyOptional({ description: 'Service day (YYYY-MM-DD, Asia/Shanghai); default today', example: '2026-11-28' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be YYYY-MM-DD' })
  day?: string;

  @ApiPropertyOptional({ description: 'Only this counter', example: 'A' })
  @IsOptional()
  @Matches(COUNTER_PATTERN, { message: 'counter must be 1-2 capital letters, e.g. A' })
  counter?: string;

  @ApiPropertyOptional({ description: 'Only this status', enum: TICKET_STATUSES, example: 'waiting' })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ description: 'Page size (1-200)', example: 50, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'Items to skip', example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}
