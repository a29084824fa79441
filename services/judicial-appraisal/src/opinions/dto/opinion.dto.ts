import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** `:code` of an opinion, as typed by anyone (checked by the service, never trusted). */
export class OpinionCodeParamDto {
  @ApiProperty({ description: 'Opinion code', example: 'JD-371300001-2026-000001-5' })
  @IsString()
  @MaxLength(40)
  code!: string;
}

/** What anyone may learn about a code: valid or not, which institution, when. Nothing about the parties. */
export class OpinionVerificationResponseDto {
  @ApiProperty({ description: 'The code as checked (normalised)', example: 'JD-371300001-2026-000001-5' })
  code!: string;

  @ApiProperty({ description: 'true when the code verifies and an opinion was issued under it', example: true })
  valid!: boolean;

  @ApiPropertyOptional({
    description: 'Why not: malformed, check-character (a mistyped or altered code), not-issued',
    example: 'check-character',
  })
  problem?: 'malformed' | 'check-character' | 'not-issued';

  @ApiPropertyOptional({
    description: 'Issuing institution',
    example: { code: '371300001', name: '临沂市司法鉴定中心' },
  })
  institution?: { code: string; name: string };

  @ApiPropertyOptional({ description: 'Issued at', example: '2026-12-10T02:00:00.000Z' })
  issuedAt?: string;
}
