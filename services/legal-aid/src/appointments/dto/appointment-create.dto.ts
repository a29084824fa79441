import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class AppointmentCreateDto {
  @ApiPropertyOptional({
    description: 'A roster lawyer chosen by the officer (same county or city, with capacity); omit for the best match',
    example: '5c1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
  })
  @IsOptional()
  @IsUUID()
  lawyerId?: string;
}
