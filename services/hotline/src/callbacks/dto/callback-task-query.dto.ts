import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCaseCode } from '@legal/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CALLBACK_REASONS, CALLBACK_STATUSES, CallbackReason, CallbackStatus } from '../entities/callback-task.entity';

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
    : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The hotline callback queue: filters combine with AND; earliest due first. */
export class CallbackTaskQueryDto {
  @ApiPropertyOptional({
    description: 'Statuses, comma-separated (default open,claimed)',
    example: ['open'],
    enum: CALLBACK_STATUSES,
    isArray: true,
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(CALLBACK_STATUSES, { each: true })
  status?: CallbackStatus[];

  @ApiPropertyOptional({
    description: 'Reasons, comma-separated',
    example: ['needs-information', 'deadline-overdue'],
    enum: CALLBACK_REASONS,
    isArray: true,
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(CALLBACK_REASONS, { each: true })
  reason?: CallbackReason[];

  @ApiPropertyOptional({
    description: 'true: only tasks past their due time; false: only tasks still in time',
    example: true,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only tasks claimed by this agent ("me" for yourself)', example: 'me' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  claimedBy?: string;

  @ApiPropertyOptional({ description: 'Only tasks of this case', example: '371324-20261128-000001-7' })
  @IsOptional()
  @IsCaseCode()
  caseCode?: string;

  @ApiPropertyOptional({ description: 'Page size (1-100)', example: 20, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'Items to skip', example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}
