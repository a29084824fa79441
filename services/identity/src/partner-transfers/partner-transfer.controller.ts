import { Body, Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '@legal/auth';
import type { AuthUser } from '@legal/auth';
import type { Response } from 'express';
import { PartnerTransferCreateDto } from './dto/partner-transfer-create.dto';
import { PartnerTransferResponseDto } from './dto/partner-transfer-response.dto';
import { PartnerTransferService, toTransferResponse } from './partner-transfer.service';

@ApiTags('partners')
@Controller('partner/transfers')
export class PartnerTransferController {
  constructor(private readonly transfers: PartnerTransferService) {}

  @Post()
  @Roles('partner')
  @ApiOperation({
    summary: '12345 transfers a matter to 12348 (with the caller’s consent)',
    description:
      'Acknowledged at once (202) with the transfer id; it becomes an intake with platform 12345, and its case code, then each ' +
      'status of its work order, follow on the partner’s feed (legal.partner.feed.<clientId>, legal.partner.transfer-update.v1). ' +
      'Idempotent on reference: repeating it answers 202 with the same transfer; another matter under the same reference is 409.',
  })
  @ApiAcceptedResponse({ type: PartnerTransferResponseDto })
  @ApiForbiddenResponse({ description: 'The client is not the 12345 hotline’s (not-a-12345-client)' })
  @ApiUnprocessableEntityResponse({ description: 'No consent of the caller (consent-required)' })
  @ApiConflictResponse({ description: 'The reference was transferred with another matter (transfer-reference-reused)' })
  async transfer(
    @CurrentUser() user: AuthUser,
    @Body() dto: PartnerTransferCreateDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PartnerTransferResponseDto> {
    const { transfer } = await this.transfers.transferIn(user.clientId ?? user.subject, dto);
    res.status(HttpStatus.ACCEPTED);
    return toTransferResponse(transfer);
  }

  @Get(':reference')
  @Roles('partner')
  @ApiOperation({ summary: 'Where a transferred matter stands (the calling partner’s own transfers only)' })
  @ApiParam({ name: 'reference', description: '12345’s reference', example: '12345-20261204-000123' })
  @ApiOkResponse({ type: PartnerTransferResponseDto })
  async get(@CurrentUser() user: AuthUser, @Param('reference') reference: string): Promise<PartnerTransferResponseDto> {
    return toTransferResponse(await this.transfers.get(user.clientId ?? user.subject, reference));
  }
}
