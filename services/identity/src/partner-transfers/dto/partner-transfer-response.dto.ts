import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRANSFER_STAGES } from '@legal/contracts';

export class PartnerTransferResponseDto {
  @ApiProperty({
    description: 'Tracking reference of the transfer (its feed items carry it; ce_subject on the feed)',
    example: '2c1f8a4e-6b0d-4e4b-9a51-3f1e9d7c2b10',
  })
  transferId!: string;

  @ApiProperty({ description: '12345’s reference', example: '12345-20261204-000123' })
  reference!: string;

  @ApiProperty({ description: 'in: 12345 → 12348; out: 12348 → 12345', enum: ['in', 'out'], example: 'in' })
  direction!: string;

  @ApiProperty({ description: 'Where it stands', enum: TRANSFER_STAGES, example: 'received' })
  stage!: string;

  @ApiPropertyOptional({ description: 'Case code (一案一码) once registered', example: '371321-20261128-000001-7' })
  caseCode?: string;

  @ApiPropertyOptional({ description: 'Status of its work order, as last told on the feed', example: 'accepted' })
  status?: string;

  @ApiProperty({ description: 'Received at', example: '2026-12-04T12:15:00.000Z' })
  createdAt!: string;
}
