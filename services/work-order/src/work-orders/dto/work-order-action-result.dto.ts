import { ApiProperty } from '@nestjs/swagger';

/** What an action on a work order did. */
export class WorkOrderActionResultDto {
  @ApiProperty({ description: 'Case code', example: '371324-20251128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Status after the action', example: 'offered' })
  status!: string;

  @ApiProperty({ description: 'Version after the action', example: 6 })
  version!: number;

  @ApiProperty({
    type: String,
    description: 'Organisation holding or offered the work order now',
    example: 'org-371300-legal-aid',
    nullable: true,
  })
  organisationId!: string | null;

  @ApiProperty({
    description: 'Supervision order created, if any',
    example: '5b1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a',
    required: false,
  })
  supervisionOrderId?: string;

  @ApiProperty({
    description: 'Case code of the work order it was merged into, after a merge',
    example: '371324-20251128-000001-7',
    required: false,
  })
  mergedIntoCaseCode?: string;
}
