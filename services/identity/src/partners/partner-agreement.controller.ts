import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@legal/auth';
import type { AuthUser } from '@legal/auth';
import { PartnerAgreementDto } from './dto/partner-agreement.dto';
import { PartnerClientService } from './partner-client.service';

@ApiTags('partners')
@Controller('partner')
export class PartnerAgreementController {
  constructor(private readonly clients: PartnerClientService) {}

  @Get('agreement')
  @Roles('partner')
  @ApiOperation({ summary: "The calling partner's data-sharing agreement: which topics and fields it receives" })
  @ApiOkResponse({ type: PartnerAgreementDto })
  async agreement(@CurrentUser() user: AuthUser): Promise<PartnerAgreementDto> {
    return (await this.clients.get(user.clientId ?? user.subject)).agreement;
  }
}
