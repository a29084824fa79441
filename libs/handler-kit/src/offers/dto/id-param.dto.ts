import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` path parameter of a record addressed by UUID. */
export class IdParamDto {
  @ApiProperty({ description: 'Record id (UUID)', example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' })
  @IsUUID()
  id!: string;
}
