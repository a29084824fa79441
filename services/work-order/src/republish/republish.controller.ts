import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@legal/auth';
import { RepublishDto, RepublishResultDto } from './dto/republish.dto';
import { RepublishService } from './republish.service';

@ApiTags('admin')
@Controller('admin/work-orders/republish')
export class RepublishController {
  constructor(private readonly republisher: RepublishService) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      "Republish work orders' current state (WorkOrderChanged) to rebuild read models after a broker or platform restore",
    description:
      'One page per call, in id order; call again with nextAfterId until it is null. Consumers skip versions they already have.',
  })
  @ApiOkResponse({ type: RepublishResultDto })
  republish(@Body() dto: RepublishDto): Promise<RepublishResultDto> {
    return this.republisher.republish({
      afterId: dto.afterId,
      updatedSince: dto.updatedSince ? new Date(dto.updatedSince) : undefined,
      limit: dto.limit ?? 2000,
    });
  }
}
