import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';

export class JudicialConfirmationRequestDto {
  @ApiProperty({ description: 'Court the parties applied to', example: '兰陵县人民法院' })
  @IsString()
  @Length(2, 200)
  court!: string;

  @ApiProperty({
    description: 'Day the parties applied (YYYY-MM-DD), within 30 days of the agreement',
    example: '2026-12-05',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'requestedOn must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  requestedOn!: string;
}

export class JudicialConfirmationResultDto {
  @ApiProperty({ description: "The court's decision", enum: ['confirmed', 'rejected'], example: 'confirmed' })
  @IsIn(['confirmed', 'rejected'])
  result!: 'confirmed' | 'rejected';

  @ApiProperty({ description: 'Day the court decided (YYYY-MM-DD)', example: '2026-12-12' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decidedOn must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  decidedOn!: string;

  @ApiPropertyOptional({ description: 'Ruling number or reason', example: '(2026)鲁1324民特12号' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}
