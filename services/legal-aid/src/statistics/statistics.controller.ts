import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { jurisdictionPrefix } from '../jurisdiction/jurisdiction';
import { StatisticsResponseDto } from './dto/statistics-response.dto';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @Roles('legal-aid-officer', 'supervisor', 'admin')
  @ApiOperation({
    summary:
      'Applications by state and kind, overdue/late decisions and appointments, duty-lawyer help and return visits in your jurisdiction',
  })
  @ApiResponse({ status: 200, type: StatisticsResponseDto })
  async get(@CurrentUser() user: AuthUser): Promise<StatisticsResponseDto> {
    return this.statistics.compute(jurisdictionPrefix(user));
  }
}
