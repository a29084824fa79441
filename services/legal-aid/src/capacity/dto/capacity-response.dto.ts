import { ApiProperty } from '@nestjs/swagger';
import type { OrganisationCapacity } from '../entities/organisation-capacity.entity';

export class CapacityResponseDto {
  @ApiProperty({ description: 'Organisation id, or * for the default', example: 'org-371324-legal-aid' })
  organisationId!: string;

  @ApiProperty({ description: 'Open applications allowed before automatic acceptance stops', example: 200 })
  maxOpenApplications!: number;

  @ApiProperty({ description: 'Who changed it last', example: 'admin-1' })
  updatedBy!: string;

  @ApiProperty({ description: 'When it was changed last', example: '2026-11-28T02:00:00.000Z' })
  updatedAt!: string;

  static of(row: OrganisationCapacity): CapacityResponseDto {
    return {
      organisationId: row.organisationId,
      maxOpenApplications: row.maxOpenApplications,
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
