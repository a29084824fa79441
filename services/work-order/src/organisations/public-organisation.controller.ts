import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@legal/auth';
import { PublicOrganisationPageDto, PublicOrganisationQueryDto } from './dto/public-organisation.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('public')
@Controller('public/organisations')
export class PublicOrganisationController {
  constructor(private readonly organisations: OrganisationService) {}

  /** Deliberately public: the portal's agency lookup (names, addresses, hours, phones of public bodies only). */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Find legal-service organisations serving a division, optionally by service type' })
  @ApiOkResponse({ type: PublicOrganisationPageDto })
  lookup(@Query() query: PublicOrganisationQueryDto): Promise<PublicOrganisationPageDto> {
    return this.organisations.lookup(query);
  }
}
