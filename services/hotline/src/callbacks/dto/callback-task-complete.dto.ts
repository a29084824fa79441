import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CALLBACK_OUTCOMES, CallbackOutcome } from '../entities/callback-task.entity';

export class CallbackTaskCompleteDto {
  @ApiProperty({ description: 'What came of the call', enum: CALLBACK_OUTCOMES, example: 'information-received' })
  @IsIn(CALLBACK_OUTCOMES)
  outcome!: CallbackOutcome;

  @ApiPropertyOptional({
    description: 'Notes for the handler and the timeline',
    example: '申请人已口头补充工资欠条的下落，明日送达材料',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;
}
