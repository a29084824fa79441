import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class SubmittedDocumentDto {
  @ApiProperty({ description: 'Checklist item the proof meets', example: 'household-register' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'code must be a checklist item code' })
  code!: string;

  @ApiPropertyOptional({ description: 'Document number or file reference', example: '兰公户证字2026-118' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  reference?: string;
}

export class SubmittedCommitmentDto {
  @ApiProperty({
    description: 'Checklist item the signed commitment (告知承诺书) is to replace',
    example: 'kinship-proof',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'code must be a checklist item code' })
  code!: string;

  @ApiProperty({ description: 'Who signed the commitment', example: '张三' })
  @IsString()
  @Length(1, 100)
  signatory!: string;
}
