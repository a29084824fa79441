import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { SessionPartyDto } from './session-party.dto';

export class SessionHeldDto {
  @ApiPropertyOptional({
    description: 'When it was held (RFC 3339; default now; not in the future)',
    example: '2026-12-03T09:40:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  heldAt?: string;

  @ApiProperty({ description: 'Parties who attended', type: [SessionPartyDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SessionPartyDto)
  attendees!: SessionPartyDto[];

  @ApiProperty({ description: 'Minutes of the session', example: '双方陈述意见，就还款期限达成初步一致' })
  @IsString()
  @Length(2, 5000)
  minutes!: string;
}
