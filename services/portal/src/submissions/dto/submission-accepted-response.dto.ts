import { ApiProperty } from '@nestjs/swagger';

/** The immediate answer to a submission: the id to ask about it; the case code follows by status. */
export class SubmissionAcceptedResponseDto {
  @ApiProperty({
    description: 'Intake id: ask `statusUrl` for the case code',
    format: 'uuid',
    example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
  })
  intakeId!: string;

  @ApiProperty({
    description: 'The portal’s own submission id',
    format: 'uuid',
    example: 'a3d1c6a2-9f61-4a3e-8d1b-1f6f0e2a7c55',
  })
  submissionId!: string;

  @ApiProperty({ description: 'Always `submitted` right after the POST', example: 'submitted' })
  status!: 'submitted';

  @ApiProperty({
    description: 'Where to poll for the outcome',
    example: '/portal/requests/0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01/status',
  })
  statusUrl!: string;

  @ApiProperty({
    description:
      'Access code (查询码): shown this once and stored nowhere in clear. With the case code it tracks, evaluates and complains about the request without an account; tell the citizen to keep it.',
    example: 'K7QM4-X2PRT',
  })
  accessCode!: string;
}
