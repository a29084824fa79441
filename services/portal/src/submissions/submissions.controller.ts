import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public, Roles } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { PiiProtector } from '@legal/privacy';
import { RateLimit } from '@legal/rate-limit';
import { citizenKeys } from '../common/citizen-identity';
import { resolveLocale } from '../common/locale';
import { LocaleQueryDto } from '../common/locale-query.dto';
import { PagedLocaleQueryDto } from '../common/paged-locale-query.dto';
import { IntakeStatusResponseDto } from './dto/intake-status-response.dto';
import { MyRequestsResponseDto } from './dto/my-requests-response.dto';
import { SubmissionAcceptedResponseDto } from './dto/submission-accepted-response.dto';
import { SubmissionCreateDto } from './dto/submission-create.dto';
import { SubmissionsService } from './submissions.service';

@ApiTags('requests')
@Controller('portal')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly pii: PiiProtector,
  ) {}

  @Post('requests')
  @Public()
  @Idempotent()
  @RateLimit({ keyPrefix: 'portal-submit', points: 30, durationSeconds: 60, by: 'ip' })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Submit a request (with or without an account)',
    description:
      'Answers at once with the intake id and the access code (查询码, shown only here); the case code appears on the status URL as soon as the work-order service assigns it. A signed-in citizen’s request is linked to their account. When the same person already has an open request of the same kind, the status says so without showing that case; a signed-in citizen whose verified phone is that case’s phone finds it under “my requests”.',
  })
  @ApiAcceptedResponse({ type: SubmissionAcceptedResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid fields (problem+json naming each); nothing is stored' })
  @ApiPayloadTooLargeResponse({ description: 'Body larger than the service accepts' })
  async create(
    @Body() dto: SubmissionCreateDto,
    @CurrentUser() user: AuthUser | undefined,
  ): Promise<SubmissionAcceptedResponseDto> {
    const citizen = user?.roles.includes('citizen') ? user.subject : undefined;
    return this.submissions.submit({
      kind: 'request',
      serviceType: dto.serviceType,
      regionCode: dto.regionCode,
      description: dto.description,
      attachments: dto.attachments?.map((a) => ({ name: a.name, mediaType: a.mediaType, sizeBytes: a.sizeBytes })),
      contact: {
        name: dto.contact.name,
        phone: dto.contact.phone,
        idCardNumber: dto.contact.idCardNumber,
        address: dto.contact.address,
      },
      language: dto.language ?? 'zh',
      urgency: dto.urgency ?? 'normal',
      vulnerableGroup: dto.vulnerableGroup,
      legalDeadlineAt: dto.legalDeadlineAt,
      submittedBy: { userId: citizen, role: citizen ? 'citizen' : 'anonymous' },
      citizenUserId: citizen,
      citizenVerifiedPhone: citizen ? user?.phone : undefined,
    });
  }

  @Get('requests/:intakeId/status')
  @Public()
  @RateLimit({ keyPrefix: 'portal-status', points: 120, durationSeconds: 60, by: 'ip' })
  @ApiOperation({
    summary:
      'What became of a submission: its case code, “a related request already exists” (linked-to-existing, no code shown), or why it was refused',
  })
  @ApiOkResponse({ type: IntakeStatusResponseDto })
  @ApiNotFoundResponse({ description: 'No portal submission has this intake id' })
  async status(
    @Param('intakeId', new ParseUUIDPipe({ version: '4' })) intakeId: string,
    @Query() query: LocaleQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<IntakeStatusResponseDto> {
    return this.submissions.status(intakeId, resolveLocale(query.lang, acceptLanguage));
  }

  @Get('my/requests')
  @Roles('citizen')
  @ApiOperation({
    summary:
      'My requests: every work order of the signed-in citizen (by account or phone, from any platform), and submissions still waiting for a case code',
  })
  @ApiOkResponse({ type: MyRequestsResponseDto })
  async mine(
    @CurrentUser() user: AuthUser,
    @Query() query: PagedLocaleQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<MyRequestsResponseDto> {
    const keys = citizenKeys(this.pii, user) ?? {};
    return this.submissions.myRequests(
      keys,
      { limit: query.limit, offset: query.offset },
      resolveLocale(query.lang, acceptLanguage),
    );
  }
}
