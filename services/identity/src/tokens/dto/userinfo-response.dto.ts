import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@legal/auth';

export class UserinfoResponseDto {
  @ApiProperty({ description: 'Subject', example: 'cit_4f1a...' })
  sub!: string;

  @ApiProperty({ description: 'Roles', example: ['citizen'], enum: ROLES, isArray: true })
  roles!: string[];

  @ApiPropertyOptional({ description: 'Organisation (staff, partners)', example: 'org-370102-legal-aid' })
  org?: string;

  @ApiPropertyOptional({ description: 'Jurisdiction (staff)', example: '370102' })
  region?: string;

  @ApiPropertyOptional({ description: 'Masked mobile number (citizens)', example: '138****8000' })
  phone_number?: string;

  @ApiPropertyOptional({ description: 'Client id (partners)', example: 'dev-partner-court' })
  client_id?: string;
}
