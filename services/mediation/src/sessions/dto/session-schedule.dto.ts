import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsString, Length, ValidateNested } from 'class-validator';
import { SessionPartyDto } from './session-party.dto';

export class SessionScheduleDto {
  @ApiProperty({
    description: 'When the session takes place (RFC 3339, in the future)',
    example: '2026-12-03T09:30:00+08:00',
  })
  @IsISO8601({ strict: true })
  scheduledAt!: string;

  @ApiProperty({ description: 'Where', example: '大仲村村委会调解室' })
  @IsString()
  @Length(2, 300)
  place!: string;

  @ApiProperty({ description: 'Parties invited (at least two)', type: [SessionPartyDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SessionPartyDto)
  parties!: SessionPartyDto[];
}
