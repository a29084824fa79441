import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsCaseCode } from '@legal/domain';

/** POST /work-orders/{code}/merge */
export class MergeDto {
  @ApiProperty({ description: 'Case code of the work order that carries on', example: '371324-20251128-000001-7' })
  @IsCaseCode()
  intoCaseCode!: string;

  @ApiProperty({
    description: 'Why they are the same matter (goes on both timelines)',
    example: '同一申请人就同一欠薪纠纷两次来电',
    minLength: 2,
    maxLength: 1000,
  })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;
}
