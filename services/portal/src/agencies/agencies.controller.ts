import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@legal/auth';
import { RateLimit } from '@legal/rate-limit';
import { AgencyDirectoryClient } from './agency-directory.client';
import { AgencyPageResponseDto } from './dto/agency-page-response.dto';
import { AgencyQueryDto } from './dto/agency-query.dto';

@ApiTags('agencies')
@Controller('portal/agencies')
export class AgenciesController {
  constructor(private readonly directory: AgencyDirectoryClient) {}

  @Get()
  @Public()
  @RateLimit({ keyPrefix: 'portal-agencies', points: 120, durationSeconds: 60, by: 'ip' })
  @ApiOperation({
    summary: 'Find legal-service organisations by region and service type, with address, hours and phone',
  })
  @ApiOkResponse({ type: AgencyPageResponseDto })
  @ApiServiceUnavailableResponse({
    description: 'The directory (work-order service) cannot answer right now (code agency-directory-unavailable)',
  })
  async find(@Query() query: AgencyQueryDto): Promise<AgencyPageResponseDto> {
    return this.directory.find({
      regionCode: query.regionCode,
      serviceType: query.serviceType,
      limit: query.limit,
      offset: query.offset,
    });
  }
}
