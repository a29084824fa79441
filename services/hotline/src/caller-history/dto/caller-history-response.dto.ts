import { ApiProperty } from '@nestjs/swagger';
import { WorkOrderViewResponseDto } from '@legal/platform-kit';
import { CallbackTaskResponseDto } from '../../callbacks/dto/callback-task-response.dto';
import { CallResponseDto } from '../../calls/dto/call-response.dto';

export class CallerWorkOrderPageDto {
  @ApiProperty({
    type: [WorkOrderViewResponseDto],
    description: 'Work orders of this phone from every platform, newest first',
  })
  items!: WorkOrderViewResponseDto[];

  @ApiProperty({ description: 'Work orders of this phone', example: 2 })
  total!: number;
}

export class CallerCallPageDto {
  @ApiProperty({ type: [CallResponseDto], description: 'Calls from this number to 12348, newest first' })
  items!: CallResponseDto[];

  @ApiProperty({ description: 'Calls from this number', example: 5 })
  total!: number;
}

/** Everything the hotline knows about a caller, across the three platforms. */
export class CallerHistoryResponseDto {
  @ApiProperty({ description: 'The number asked about, masked', example: '138****5678' })
  phoneMasked!: string;

  @ApiProperty({
    description: 'Requests and their status on every platform (hotline, portal, centre)',
    type: CallerWorkOrderPageDto,
  })
  workOrders!: CallerWorkOrderPageDto;

  @ApiProperty({
    description: "The hotline's own calls, including consultations answered on the call",
    type: CallerCallPageDto,
  })
  calls!: CallerCallPageDto;

  @ApiProperty({
    type: [CallbackTaskResponseDto],
    description: 'Callback tasks of these work orders or this number (latest 200)',
  })
  callbackTasks!: CallbackTaskResponseDto[];

  @ApiProperty({ description: 'Page size used', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
