import { ApiProperty } from '@nestjs/swagger';

export class BrokenLinkDto {
  @ApiProperty({ description: 'Sequence number of the first entry whose link does not hold', example: 2 })
  seq!: number;

  @ApiProperty({
    description: 'hash-mismatch, prev-hash-mismatch, sequence-gap, head-mismatch or empty',
    example: 'hash-mismatch',
  })
  reason!: string;

  @ApiProperty({
    description: 'What is wrong, in words',
    example: 'the content of entry 2 was changed after it was written',
  })
  detail!: string;
}

/** GET /work-orders/{code}/timeline/verify */
export class TimelineVerificationDto {
  @ApiProperty({ description: 'Case code', example: '371324-20251128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'True when every entry matches its hash and links to the one before', example: true })
  valid!: boolean;

  @ApiProperty({ description: 'Entries checked', example: 3 })
  entries!: number;

  @ApiProperty({
    description: 'The first broken link, when the chain does not hold',
    type: BrokenLinkDto,
    required: false,
  })
  firstBroken?: BrokenLinkDto;

  @ApiProperty({ description: 'When the check ran', example: '2025-11-28T03:00:00.000Z' })
  checkedAt!: string;
}
