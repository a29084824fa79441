import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@legal/auth';
import { PartnerClientCreateDto } from './dto/partner-client-create.dto';
import { PartnerClientCreatedResponseDto, PartnerClientResponseDto } from './dto/partner-client-response.dto';
import { PartnerClientUpdateDto } from './dto/partner-client-update.dto';
import { PartnerClientService, toPartnerClientResponse } from './partner-client.service';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/clients')
export class PartnerAdminController {
  constructor(private readonly clients: PartnerClientService) {}

  @Post()
  @ApiOperation({ summary: 'Register a partner client with its data-sharing agreement; the secret is returned once' })
  @ApiCreatedResponse({ type: PartnerClientCreatedResponseDto })
  async create(@Body() dto: PartnerClientCreateDto): Promise<PartnerClientCreatedResponseDto> {
    const { client, secret } = await this.clients.create(dto);
    return { ...toPartnerClientResponse(client), clientSecret: secret };
  }

  @Get()
  @ApiOperation({ summary: 'List partner clients and their agreements' })
  @ApiOkResponse({ type: [PartnerClientResponseDto] })
  async list(): Promise<PartnerClientResponseDto[]> {
    return (await this.clients.list()).map(toPartnerClientResponse);
  }

  @Patch(':clientId')
  @ApiOperation({
    summary:
      'Change a partner client: a new agreement applies to its feed from the next event on; disabled=true revokes it (no tokens, no more feed items, broker ACLs removed), disabled=false enables it again',
  })
  @ApiOkResponse({ type: PartnerClientResponseDto })
  async update(
    @Param('clientId') clientId: string,
    @Body() dto: PartnerClientUpdateDto,
  ): Promise<PartnerClientResponseDto> {
    return toPartnerClientResponse(await this.clients.update(clientId, dto));
  }
}
