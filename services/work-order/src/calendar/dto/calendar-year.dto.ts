import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_RULES, DeadlineRule } from '@legal/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
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

export class NoticeDayDto {
  @ApiProperty({ description: 'The day (Asia/Shanghai)', example: '2027-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @ApiProperty({
    description: 'The holiday in Chinese (for a working day: the holiday it makes up for)',
    example: '元旦',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiProperty({
    description: 'The holiday in English; default the Chinese name',
    example: "New Year's Day",
    required: false,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  nameEn?: string;
}

export class CalendarYearLoadDto {
  @ApiProperty({ description: 'The notice it comes from', example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  source!: string;

  @ApiProperty({ description: 'Statutory holidays (放假)', type: [NoticeDayDto] })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => NoticeDayDto)
  holidays!: NoticeDayDto[];

  @ApiProperty({ description: 'Weekend days worked (调休上班)', type: [NoticeDayDto] })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => NoticeDayDto)
  workdays!: NoticeDayDto[];
}

export class CalendarDayDto {
  @ApiProperty({ example: '2027-01-01' })
  date!: string;

  @ApiProperty({
    enum: ['working-day', 'adjusted-working-day', 'statutory-holiday', 'rest-day'],
    example: 'statutory-holiday',
  })
  kind!: string;

  @ApiProperty({ example: '元旦', required: false })
  holiday?: string;
}

export class CalendarChangesDto {
  @ApiProperty({ type: [String], example: ['2027-01-01'] })
  changedDays!: string[];

  @ApiProperty({ type: [String], example: ['2027-01-01'] })
  holidaysAdded!: string[];

  @ApiProperty({ type: [String], example: [] })
  holidaysRemoved!: string[];

  @ApiProperty({ type: [String], example: [] })
  workdaysAdded!: string[];

  @ApiProperty({ type: [String], example: [] })
  workdaysRemoved!: string[];

  @ApiProperty({ description: 'Open deadlines recomputed', example: 3 })
  deadlinesRecomputed!: number;
}

export class CalendarVersionDto {
  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  source!: string;

  @ApiProperty({ description: 'Who loaded it', example: 'admin-1' })
  loadedBy!: string;

  @ApiProperty({ example: '2026-12-04T08:00:00.000Z' })
  loadedAt!: string;

  @ApiProperty({ type: CalendarChangesDto })
  changes!: CalendarChangesDto;
}

export class CalendarYearResponseDto {
  @ApiProperty({ example: 2027 })
  year!: number;

  @ApiProperty({
    description: 'loaded: a notice loaded here; package: the chinese-days package; none: weekends only',
    enum: ['loaded', 'package', 'none'],
    example: 'loaded',
  })
  calendarSource!: string;

  @ApiProperty({ type: Number, description: 'The version in force (loaded notices only)', example: 1, nullable: true })
  currentVersion!: number | null;

  @ApiProperty({ description: 'Holidays in force', type: [CalendarDayDto] })
  holidays!: CalendarDayDto[];

  @ApiProperty({ description: 'Adjusted working days in force', type: [CalendarDayDto] })
  workdays!: CalendarDayDto[];

  @ApiProperty({ description: 'Every load, newest first', type: [CalendarVersionDto] })
  history!: CalendarVersionDto[];
}

export class DeadlinePreviewQueryDto {
  @ApiProperty({ enum: DEADLINE_RULES, example: 'working-days' })
  @IsIn(DEADLINE_RULES)
  rule!: DeadlineRule;

  @ApiProperty({ description: 'Start day (YYYY-MM-DD, Asia/Shanghai) or instant (RFC 3339)', example: '2026-12-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    message: 'start must be YYYY-MM-DD or an RFC 3339 instant',
  })
  start!: string;

  @ApiProperty({ description: 'The period in the rule’s units', example: 15 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3660)
  days!: number;
}

export class DeadlinePreviewDto {
  @ApiProperty({ enum: DEADLINE_RULES, example: 'working-days' })
  rule!: string;

  @ApiProperty({ example: 15 })
  n!: number;

  @ApiProperty({ example: '2026-12-20' })
  startDate!: string;

  @ApiProperty({ example: '2027-01-12' })
  dueDate!: string;

  @ApiProperty({ example: '2027-01-12T15:59:59.999Z' })
  dueAt!: string;

  @ApiProperty({ type: [String], example: ['2026-12-26'] })
  skipped!: string[];

  @ApiProperty({ type: [String], example: [] })
  adjustedWorkdays!: string[];

  @ApiProperty({ type: [String], example: [] })
  warnings!: string[];

  @ApiProperty({ example: '15 working days from 2026-12-20, start day not counted, …' })
  explanation!: string;

  @ApiProperty({ description: 'Where each year of the period takes its calendar from', example: { 2026: 'package' } })
  calendarSources!: Record<string, string>;
}
