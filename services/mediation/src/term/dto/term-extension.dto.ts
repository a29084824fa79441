import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class TermExtensionDto {
  @ApiProperty({ description: 'Calendar days to add to the term (1-30)', example: 10 })
  @IsInt()
  @Min(1)
  @Max(30)
  days!: number;

  @ApiProperty({ description: 'Why the term must be extended (required)', example: '当事人外出务工，双方同意延期调解' })
  @IsString()
  @Length(4, 500)
  reason!: string;
}
