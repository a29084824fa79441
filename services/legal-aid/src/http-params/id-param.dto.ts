import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` path parameters are UUIDs; anything else is a 400 naming the field. */
export class IdParamDto {
  @ApiProperty({ description: 'Record id (UUID)', example: '0b8f3c5e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  @IsUUID()
  id!: string;
}
