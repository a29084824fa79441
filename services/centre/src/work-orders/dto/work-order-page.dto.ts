import { ApiProperty } from '@nestjs/swagger';
import { WorkOrderViewResponseDto } from '@legal/platform-kit';

export class WorkOrderPageDto {
  @ApiProperty({ type: [WorkOrderViewResponseDto], description: 'Work orders, newest first' })
  items!: WorkOrderViewResponseDto[];

  @ApiProperty({ description: 'Work orders matching the filter', example: 57 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
