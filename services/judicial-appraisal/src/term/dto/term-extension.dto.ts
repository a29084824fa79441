import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The one extension of the term, approved by the institution head (art. 28). */
export class TermExtensionDto {
  @ApiProperty({ description: 'Working days to add (1-30)', example: 20 })
  @IsInt()
  workingDays!: number;

  @ApiProperty({
    description: 'Why (complex or difficult technical questions ...)',
    example: '需进行补充检验，技术问题复杂',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
