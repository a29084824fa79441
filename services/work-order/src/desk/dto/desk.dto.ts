import { ApiProperty } from '@nestjs/swagger';
import { OFFER_REJECTION_REASONS } from '@legal/contracts';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class DeskRejectDto {
  @ApiProperty({ description: 'Coded reason', enum: OFFER_REJECTION_REASONS, example: 'out-of-jurisdiction' })
  @IsIn(OFFER_REJECTION_REASONS)
  reasonCode!: (typeof OFFER_REJECTION_REASONS)[number];

  @ApiProperty({ description: 'Reason in words', example: '申请人户籍不在本辖区', minLength: 2, maxLength: 1000 })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;
}

export class DeskResolveDto {
  @ApiProperty({ description: 'Outcome code', example: 'advice-given' })
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'outcome must be a short code like advice-given' })
  outcome!: string;

  @ApiProperty({ description: 'What was done', example: '已电话回访并解答', minLength: 2, maxLength: 2000 })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  summary!: string;
}
