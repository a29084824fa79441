import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Why a mediation failed or was withdrawn. */
export class CaseClosureDto {
  @ApiProperty({ description: 'Reason, for the record and the work order', example: '被申请人明确拒绝继续调解' })
  @IsString()
  @Length(2, 2000)
  reason!: string;
}
