import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCaseCode } from '@legal/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { REFERRAL_STATUSES, ReferralStatus } from '../entities/referral.entity';

export class ReferralQueryDto {
  @ApiPropertyOptional({
    description: 'incoming: referred to your organisation; outgoing: raised by it (ignored with caseCode)',
    enum: ['incoming', 'outgoing'],
    example: 'incoming',
    default: 'incoming',
  })
  @IsOptional()
  @IsIn(['incoming', 'outgoing'])
  direction: 'incoming' | 'outgoing' = 'incoming';

  @ApiPropertyOptional({
    description: 'The whole chain of one case, oldest link first (within your jurisdiction)',
    example: '371324-20261128-000001-7',
  })
  @IsOptional()
  @IsCaseCode()
  caseCode?: string;

  @ApiPropertyOptional({ description: 'Only this status', enum: REFERRAL_STATUSES, example: 'pending' })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;

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
