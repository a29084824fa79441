import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { RateLimit } from '@legal/rate-limit';
import { resolveLocale } from '../common/locale';
import { Open311RequestCreateDto } from './dto/open311-request-create.dto';
import { Open311RequestQueryDto } from './dto/open311-request-query.dto';
import {
  Open311CreatedDto,
  Open311ErrorDto,
  Open311RequestDto,
  Open311ServiceDefinitionDto,
  Open311ServiceDto,
  Open311TokenDto,
} from './dto/open311-responses.dto';
import { open311Services } from './open311-catalogue';
import { Open311ErrorFilter } from './open311-error.filter';
import { Open311Service } from './open311.service';
import { GEOREPORT_XML_CONTENT_TYPE, toGeoReportXml } from './open311-xml';

const READ_LIMIT = { keyPrefix: 'open311-read', points: 120, durationSeconds: 60, by: 'ip' } as const;

const XML_SCHEMA = { type: 'string' as const };

/**
 * A GeoReport v2 `.xml` route: answers `text/xml; charset=utf-8` with the specification's root and item elements
 * (`root`, e.g. `<service_requests><request>`), errors as `<errors><error><code/><description/></error></errors>`.
 */
function GeoReportXmlAnswer(options: { status?: number; root: string; errors: number[] }): MethodDecorator {
  const xml = (description: string) => ({ description, content: { 'text/xml': { schema: XML_SCHEMA } } });
  return applyDecorators(
    Header('Content-Type', GEOREPORT_XML_CONTENT_TYPE),
    ApiProduces('text/xml'),
    ApiResponse({ status: options.status ?? 200, ...xml(`GeoReport v2 XML: ${options.root}`) }),
    ...options.errors.map((status) => ApiResponse({ status, ...xml('GeoReport v2 XML errors: <errors><error>') })),
  );
}

/**
 * Open311 GeoReport v2, JSON and XML formats (`.json` / `.xml` of each route, same data), so existing civic-request
 * clients can submit and track requests. Errors are GeoReport arrays `[{ code, description }]` (`<errors>` in XML),
 * not problem+json.
 */
@ApiTags('open311')
@Controller('open311/v2')
@Public()
@UseFilters(Open311ErrorFilter)
@ApiBadRequestResponse({
  description: 'Invalid fields: one GeoReport error per field; nothing is stored',
  type: [Open311ErrorDto],
})
@ApiTooManyRequestsResponse({ description: 'Rate limited (Retry-After)', type: [Open311ErrorDto] })
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('services.json')
  @RateLimit(READ_LIMIT)
  @ApiOperation({ summary: 'GeoReport v2 service list' })
  @ApiOkResponse({ type: [Open311ServiceDto] })
  services(@Headers('accept-language') acceptLanguage: string | undefined): Open311ServiceDto[] {
    return open311Services(resolveLocale(undefined, acceptLanguage));
  }
  @Get('services.xml')
  @RateLimit(READ_LIMIT)
  @ApiOperation({ summary: 'GeoReport v2 service list (XML)' })
  @GeoReportXmlAnswer({ root: '<services><service>', errors: [400, 429] })
  servicesXml(@Headers('accept-language') acceptLanguage: string | undefined): string {
    return toGeoReportXml({ kind: 'services', items: this.services(acceptLanguage) });
  }

  @Get('services/:code.json')
  @RateLimit(READ_LIMIT)
  @ApiOperation({ summary: 'GeoReport v2 service definition (no service has extra attributes)' })
  @ApiParam({ name: 'code', description: 'service_code from services.json', example: 'legal-aid' })
  @ApiOkResponse({ type: Open311ServiceDefinitionDto })
  @ApiNotFoundResponse({ description: 'No such service', type: [Open311ErrorDto] })
  definition(@Param('code') code: string): Open311ServiceDefinitionDto {
    return this.open311.definition(code);
  }
  @Get('services/:code.xml')
  @RateLimit(READ_LIMIT)
  @ApiOperation({ summary: 'GeoReport v2 service definition (XML)' })
  @ApiParam({ name: 'code', description: 'service_code from services.xml', example: 'legal-aid' })
  @GeoReportXmlAnswer({ root: '<service_definition><attributes>', errors: [400, 404, 429] })
  definitionXml(@Param('code') code: string): string {
    return toGeoReportXml({ kind: 'service-definition', definition: this.open311.definition(code) });
  }

  @Post('requests.json')
  @Idempotent()
  @RateLimit({ keyPrefix: 'open311-write', points: 20, durationSeconds: 60, by: 'ip' })
  @HttpCode(HttpStatus.CREATED)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: 'GeoReport v2 create request: becomes a portal intake; answers with its id and token' })
  @ApiCreatedResponse({ type: [Open311CreatedDto] })
  async create(@Body() dto: Open311RequestCreateDto): Promise<Open311CreatedDto[]> {
    return this.open311.create(dto);
  }
  @Post('requests.xml')
  @Idempotent()
  @RateLimit({ keyPrefix: 'open311-write', points: 20, durationSeconds: 60, by: 'ip' })
  @HttpCode(HttpStatus.CREATED)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: 'GeoReport v2 create request (XML answer): its id and token' })
  @GeoReportXmlAnswer({ status: 201, root: '<service_requests><request>', errors: [400, 429] })
  async createXml(@Body() dto: Open311RequestCreateDto): Promise<string> {
    return toGeoReportXml({ kind: 'created', items: await this.open311.create(dto) });
  }

  @Get('requests.json')
  @RateLimit(READ_LIMIT)
  @ApiOperation({
    summary: 'GeoReport v2 request list (filters: service_request_id, service_code, start_date, end_date, status)',
    description:
      'Requests submitted through Open311, newest first, the last 90 days by default, at most 1000; no personal data.',
  })
  @ApiOkResponse({ type: [Open311RequestDto] })
  async list(
    @Query() query: Open311RequestQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<Open311RequestDto[]> {
    return this.open311.list(query, resolveLocale(undefined, acceptLanguage));
  }
  @Get('requests.xml')
  @RateLimit(READ_LIMIT)
  @ApiOperation({ summary: 'GeoReport v2 request list (XML; the filters of requests.json)' })
  @GeoReportXmlAnswer({ root: '<service_requests><request>', errors: [400, 429] })
  async listXml(
    @Query() query: Open311RequestQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<string> {
    return toGeoReportXml({ kind: 'requests', items: await this.list(query, acceptLanguage) });
  }

  @Get('requests/:id.json')
  @RateLimit(READ_LIMIT)
  @ApiOperation({ summary: 'GeoReport v2 request status (open/closed, notes, agency, dates)' })
  @ApiParam({
    name: 'id',
    description: 'service_request_id returned by POST requests.json',
    example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
  })
  @ApiOkResponse({ type: [Open311RequestDto] })
  @ApiNotFoundResponse({ description: 'No such request', type: [Open311ErrorDto] })
  async find(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<Open311RequestDto[]> {
    return this.open311.find(id, resolveLocale(undefined, acceptLanguage));
  }
  @Get('requests/:id.xml')
  @RateLimit(READ_LIMIT)
  @ApiOperation({ summary: 'GeoReport v2 request status (XML)' })
  @ApiParam({ name: 'id', description: 'service_request_id', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  @GeoReportXmlAnswer({ root: '<service_requests><request>', errors: [400, 404, 429] })
  async findXml(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<string> {
    return toGeoReportXml({ kind: 'requests', items: await this.find(id, acceptLanguage) });
  }

  @Get('tokens/:token.json')
  @RateLimit(READ_LIMIT)
  @ApiOperation({ summary: 'GeoReport v2 token lookup: the service_request_id a POST token stands for' })
  @ApiParam({
    name: 'token',
    description: 'token returned by POST requests.json',
    example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
  })
  @ApiOkResponse({ type: [Open311TokenDto] })
  @ApiNotFoundResponse({ description: 'No such token', type: [Open311ErrorDto] })
  async token(@Param('token', new ParseUUIDPipe({ version: '4' })) token: string): Promise<Open311TokenDto[]> {
    return this.open311.token(token);
  }
  @Get('tokens/:token.xml')
  @RateLimit(READ_LIMIT)
  @ApiOperation({ summary: 'GeoReport v2 token lookup (XML)' })
  @ApiParam({
    name: 'token',
    description: 'token returned by POST requests',
    example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
  })
  @GeoReportXmlAnswer({ root: '<service_requests><request>', errors: [400, 404, 429] })
  async tokenXml(@Param('token', new ParseUUIDPipe({ version: '4' })) token: string): Promise<string> {
    return toGeoReportXml({ kind: 'tokens', items: await this.token(token) });
  }
}
