import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id/sessions/:sessionId` path parameters. */
export class SessionParamDto {
  @ApiProperty({ description: 'Case id', example: '0d9f7c4e-5b6a-4e3d-9c2b-1a0f9e8d7c6b' })
  @IsUUID()
  id!: string;

  @ApiProperty({ description: 'Session id', example: '5f0c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f' })
  @IsUUID()
  sessionId!: string;
}
