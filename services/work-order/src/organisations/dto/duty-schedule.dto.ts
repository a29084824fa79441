import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, Matches, ValidateNested } from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class TimeSlotDto {
  @ApiProperty({ description: 'Opens (HH:mm, Asia/Shanghai)', example: '08:30' })
  @Matches(HH_MM, { message: 'from must be HH:mm' })
  from!: string;

  @ApiProperty({ description: 'Closes (HH:mm, exclusive)', example: '17:30' })
  @Matches(HH_MM, { message: 'to must be HH:mm' })
  to!: string;
}

/** When an organisation is open or a person is on duty; working days follow the official calendar (调休 included). */
export class DutyScheduleDto {
  @ApiProperty({ description: 'Around the clock, every day (7x24)', example: false })
  @IsBoolean()
  alwaysOn!: boolean;

  @ApiProperty({
    description: 'Slots on working days',
    type: TimeSlotDto,
    isArray: true,
    example: [
      { from: '08:30', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ],
  })
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => TimeSlotDto)
  workingDays!: TimeSlotDto[];

  @ApiProperty({
    description: 'Slots on weekends and holidays (duty rota)',
    type: TimeSlotDto,
    isArray: true,
    example: [],
  })
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => TimeSlotDto)
  restDays!: TimeSlotDto[];
}
