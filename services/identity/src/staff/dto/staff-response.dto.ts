import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES } from '@legal/auth';
import type { Role } from '@legal/auth';

export class StaffResponseDto {
  @ApiProperty({ description: 'User id (the `sub` of their tokens)', example: '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ description: 'Sign-in name', example: 'zhang.wei' })
  username!: string;

  @ApiProperty({ description: 'Name shown to colleagues', example: '张伟' })
  displayName!: string;

  @ApiProperty({ description: 'Roles', example: ['centre-clerk'], enum: STAFF_ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ description: 'Organisation', example: 'org-370102-legal-aid' })
  organisationId!: string;

  @ApiProperty({ description: 'Jurisdiction (GB/T 2260)', example: '370102' })
  regionCode!: string;

  @ApiProperty({ description: 'Disabled accounts cannot sign in or refresh', example: false })
  disabled!: boolean;

  @ApiProperty({
    description: 'Last successful sign-in',
    example: '2025-11-28T08:00:00.000Z',
    nullable: true,
    type: String,
  })
  lastSignInAt!: string | null;

  @ApiProperty({ description: 'Created', example: '2025-11-28T08:00:00.000Z' })
  createdAt!: string;
}
