import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ROLES, Roles } from '@legal/auth';
import type { AuthUser } from '@legal/auth';
import { maskPhone } from '@legal/domain';
import { UserinfoResponseDto } from './dto/userinfo-response.dto';

@ApiTags('sign-in')
@Controller('userinfo')
export class UserinfoController {
  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Who the access token says the caller is (OIDC UserInfo; phone number masked)' })
  @ApiOkResponse({ type: UserinfoResponseDto })
  userinfo(@CurrentUser() user: AuthUser): UserinfoResponseDto {
    return {
      sub: user.subject,
      roles: user.roles,
      ...(user.organisationId ? { org: user.organisationId } : {}),
      ...(user.regionCode ? { region: user.regionCode } : {}),
      ...(user.phone ? { phone_number: maskPhone(user.phone) } : {}),
      ...(user.clientId ? { client_id: user.clientId } : {}),
    };
  }
}
