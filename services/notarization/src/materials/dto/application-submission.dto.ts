import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, Matches, ValidateNested } from 'class-validator';
import { SubmittedCommitmentDto, SubmittedDocumentDto } from './submitted-material.dto';

export class ApplicationSubmissionDto {
  @ApiProperty({ description: 'Matter applied for (see GET /matters)', example: 'kinship' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'matterCode must be a matter code of the catalogue' })
  matterCode!: string;

  @ApiProperty({ description: 'Proofs handed in', type: [SubmittedDocumentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SubmittedDocumentDto)
  materials!: SubmittedDocumentDto[];

  @ApiPropertyOptional({
    description: 'Signed commitments offered in place of proofs (告知承诺制)',
    type: [SubmittedCommitmentDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SubmittedCommitmentDto)
  commitments?: SubmittedCommitmentDto[];

  @ApiPropertyOptional({
    description:
      'When the office received the application (RFC 3339; default now; not in the future, not before the request)',
    example: '2026-11-28T09:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;
}

export class MaterialsArrivalDto {
  @ApiProperty({ description: 'Missing proofs now handed in', type: [SubmittedDocumentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SubmittedDocumentDto)
  materials!: SubmittedDocumentDto[];

  @ApiPropertyOptional({ description: 'Signed commitments offered for missing items', type: [SubmittedCommitmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SubmittedCommitmentDto)
  commitments?: SubmittedCommitmentDto[];

  @ApiPropertyOptional({
    description: 'When they arrived (RFC 3339; default now; not in the future, not before the notice)',
    example: '2026-12-01T10:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;
}
