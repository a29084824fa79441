import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { ReferralCreateDto, ReferralRejectDto } from './dto/referral-create.dto';
import { ReferralQueryDto } from './dto/referral-query.dto';
import { ReferralPageDto, ReferralRejectionResponseDto, ReferralResponseDto } from './dto/referral-response.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @Idempotent()
  @Roles('centre-clerk')
  @ApiOperation({
    summary: 'Refer a matter (by case code) to another organisation, which must answer within the deadline (转介)',
  })
  @ApiResponse({ status: 201, type: ReferralResponseDto })
  @ApiResponse({ status: 403, description: 'The case is outside your jurisdiction' })
  @ApiResponse({ status: 409, description: 'A referral of this case is already pending, or the work order is closed' })
  async create(@Body() body: ReferralCreateDto, @CurrentUser() clerk: AuthUser): Promise<ReferralResponseDto> {
    return ReferralResponseDto.from(await this.referrals.create(body, clerk));
  }

  @Get()
  @Roles('centre-clerk', 'supervisor')
  @ApiOperation({
    summary: 'Referrals to (incoming) or from (outgoing) your organisation, or the whole chain of one case',
  })
  @ApiResponse({ status: 200, type: ReferralPageDto })
  async list(@Query() query: ReferralQueryDto, @CurrentUser() clerk: AuthUser): Promise<ReferralPageDto> {
    const page = await this.referrals.list(query, clerk);
    return {
      items: page.items.map((r) => ReferralResponseDto.from(r)),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  @Get(':id')
  @Roles('centre-clerk', 'supervisor')
  @ApiOperation({ summary: 'One referral' })
  @ApiResponse({ status: 200, type: ReferralResponseDto })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() clerk: AuthUser,
  ): Promise<ReferralResponseDto> {
    return ReferralResponseDto.from(await this.referrals.get(id, clerk));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Idempotent()
  @Roles('centre-clerk')
  @ApiOperation({ summary: 'The receiving organisation takes the matter' })
  @ApiResponse({ status: 200, type: ReferralResponseDto })
  @ApiResponse({ status: 403, description: 'Only the receiving organisation can answer' })
  @ApiResponse({ status: 409, description: 'Already answered, or lapsed' })
  async accept(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() clerk: AuthUser,
  ): Promise<ReferralResponseDto> {
    return ReferralResponseDto.from(await this.referrals.accept(id, clerk));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Idempotent()
  @Roles('centre-clerk')
  @ApiOperation({
    summary: 'The receiving organisation turns the matter down with a reason; it goes to the coordinating level',
  })
  @ApiResponse({ status: 200, type: ReferralRejectionResponseDto })
  @ApiResponse({ status: 403, description: 'Only the receiving organisation can answer' })
  @ApiResponse({ status: 409, description: 'Already answered, or the receiver is the top level and must take it' })
  async reject(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReferralRejectDto,
    @CurrentUser() clerk: AuthUser,
  ): Promise<ReferralRejectionResponseDto> {
    const { rejected, escalated } = await this.referrals.reject(id, body, clerk);
    return { rejected: ReferralResponseDto.from(rejected), escalated: ReferralResponseDto.from(escalated) };
  }
}
