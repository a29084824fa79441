import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { RateLimit } from '@legal/rate-limit';
import { resolveLocale } from '../common/locale';
import { Open311RequestCreateDto } from './dto/open311-request-create.dto';
import { Open311CreatedDto, Open311RequestDto, Open311ServiceDto } from './dto/open311-responses.dto';
import { open311Services } from './open311-catalogue';
import { Open311Service } from './open311.service';

/** Open311 GeoReport v2 (JSON format) so existing civic-request clients can submit and track requests. */
@ApiTags('open311')
@Controller('open311/v2')
@Public()
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('services.json')
  @RateLimit({ keyPrefix: 'open311-read', points: 120, durationSeconds: 60, by: 'ip' })
  @ApiOperation({ summary: 'GeoReport v2 service list' })
  @ApiOkResponse({ type: [Open311ServiceDto] })
  services(@Headers('accept-language') acceptLanguage: string | undefined): Open311ServiceDto[] {
    return open311Services(resolveLocale(undefined, acceptLanguage));
  }

  @Post('requests.json')
  @Idempotent()
  @RateLimit({ keyPrefix: 'open311-write', points: 20, durationSeconds: 60, by: 'ip' })
  @HttpCode(HttpStatus.CREATED)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: 'GeoReport v2 create request: becomes a portal intake; answers with its id and token' })
  @ApiCreatedResponse({ type: [Open311CreatedDto] })
  @ApiBadRequestResponse({ description: 'Invalid fields (problem+json naming each); nothing is stored' })
  async create(@Body() dto: Open311RequestCreateDto): Promise<Open311CreatedDto[]> {
    return this.open311.create(dto);
  }

  @Get('requests/:id.json')
  @RateLimit({ keyPrefix: 'open311-read', points: 120, durationSeconds: 60, by: 'ip' })
  @ApiOperation({ summary: 'GeoReport v2 request status (open/closed, notes, agency, dates)' })
  @ApiParam({ name: 'id', description: 'service_request_id returned by POST requests.json', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  @ApiOkResponse({ type: [Open311RequestDto] })
  @ApiNotFoundResponse({ description: 'No such request' })
  async find(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Headers('accept-language') acceptLanguage: string | undefined): Promise<Open311RequestDto[]> {
    return this.open311.find(id, resolveLocale(undefined, acceptLanguage));
  }
}
