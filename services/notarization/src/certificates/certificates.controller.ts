import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { IdParamDto } from '@legal/handler-kit';
import { CertificatesService } from './certificates.service';
import { CertificateIssueDto } from './dto/certificate-issue.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications/:id/certificate')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Post()
  @HttpCode(200)
  @Roles('notary')
  @ApiOperation({
    summary:
      "Issue the certificate of a reviewed application with the office's next number, e.g. (2026)鲁临沂证字第000123号; reports Resolved(certificate-issued) (409 before review)",
  })
  @ApiResponse({ status: 200, type: ApplicationResponseDto })
  issue(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: CertificateIssueDto,
  ): Promise<ApplicationResponseDto> {
    return this.certificates.issue(params.id, user, dto);
  }
}
