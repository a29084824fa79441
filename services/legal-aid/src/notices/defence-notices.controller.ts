import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { DefenceNoticesService, NoticeData } from './defence-notices.service';
import { DefenceNoticeCreateDto } from './dto/defence-notice-create.dto';
import { DefenceNoticeResponseDto } from './dto/defence-notice-response.dto';
import { assertNoticeBinding, bindingOf } from './partner-binding';

@ApiTags('partners: defence notices')
@Controller('defence-notices')
export class DefenceNoticesController {
  constructor(
    private readonly notices: DefenceNoticesService,
    private readonly deadlines: DeadlinesService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('partner')
  @ApiOperation({
    summary:
      'A court, procuratorate or police notice of notified defence (通知辩护); recorded exactly like the event. 201 new, 200 already recorded',
  })
  @ApiResponse({ status: 201, description: 'Recorded: the application it opened', type: DefenceNoticeResponseDto })
  @ApiResponse({ status: 200, description: 'This notice id was already recorded', type: DefenceNoticeResponseDto })
  @ApiResponse({
    status: 403,
    description:
      "problem+json notice-outside-partner-binding: organisationId is not the client's agency, or regionCode lies outside its area (errors[] names the field)",
  })
  async create(
    @Body() body: DefenceNoticeCreateDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DefenceNoticeResponseDto> {
    const binding = bindingOf(user);
    const organisationId = body.organisationId ?? binding.organisationId ?? '';
    assertNoticeBinding(binding, { organisationId, regionCode: body.regionCode });
    const data: NoticeData = {
      noticeId: body.noticeId,
      agency: body.agency,
      agencyName: body.agencyName,
      agencyCaseNumber: body.agencyCaseNumber,
      organisationId,
      regionCode: body.regionCode,
      suspect: {
        name: body.suspect.name,
        ...(body.suspect.idCardNumber !== undefined ? { idCardNumber: body.suspect.idCardNumber } : {}),
        ...(body.suspect.minor !== undefined ? { minor: body.suspect.minor } : {}),
        ...(body.suspect.disability !== undefined ? { disability: body.suspect.disability } : {}),
      },
      charge: body.charge,
      stage: body.stage,
      noticeReceivedAt: body.noticeReceivedAt,
      ...(body.hearingAt !== undefined ? { hearingAt: body.hearingAt } : {}),
    };
    const result = await this.dataSource.transaction(async (manager) => {
      const recorded = await this.notices.record(manager, data, 'rest', binding.clientId, null);
      const clock = await this.deadlines.find(manager, recorded.application.id, 'lawyer-appointment');
      return { ...recorded, clock };
    });
    if (!result.created) res.status(200);
    return {
      noticeId: body.noticeId,
      applicationId: result.application.id,
      caseNumber: result.application.caseNumber,
      state: result.application.state,
      appointmentDueAt: result.clock?.dueAt.toISOString() ?? '',
      created: result.created,
    };
  }
}
