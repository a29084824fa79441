import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { LANGUAGE_TAG } from './roster-shift-create.dto';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Shifts overlapping [from, to), optionally of one seat or agent. */
export class RosterShiftListQueryDto {
  @ApiProperty({ description: 'Window start (RFC 3339)', example: '2026-12-01T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ description: 'Window end (RFC 3339, exclusive)', example: '2026-12-08T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  to!: string;

  @ApiPropertyOptional({ description: 'Only this seat', example: 'seat-07' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,32}$/)
  seat?: string;

  @ApiPropertyOptional({ description: 'Only this agent', example: 'agent-17' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  agentId?: string;

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

/** Which part of the roster a coverage question is about. */
export class RosterCoverageQueryDto {
  @ApiProperty({ description: 'Window start (RFC 3339)', example: '2026-12-01T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({
    description: 'Window end (RFC 3339, exclusive); at most 31 days after from',
    example: '2026-12-08T00:00:00+08:00',
  })
  @IsISO8601({ strict: true })
  to!: string;

  @ApiPropertyOptional({ description: 'Only count seats answering in this language', example: 'zh' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as zh, zh-yue or en' })
  language?: string;

  @ApiPropertyOptional({ description: 'Only count expert seats', example: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  expertSeat?: boolean;

  @ApiPropertyOptional({ description: 'Seats that must be staffed at every moment', example: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  minSeats: number = 1;
}

/** Who answers at one instant. */
export class RosterOnDutyQueryDto {
  @ApiPropertyOptional({
    description: 'Instant asked about (RFC 3339); default now',
    example: '2026-12-01T23:30:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ description: 'Only seats answering in this language', example: 'zh' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as zh, zh-yue or en' })
  language?: string;

  @ApiPropertyOptional({ description: 'Only expert seats', example: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  expertSeat?: boolean;
}
