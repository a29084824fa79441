import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { CaseResponseDto } from '../cases/dto/case-response.dto';
import { IdParamDto } from '../common/dto/id-param.dto';
import { OfferAcceptDto, OfferRejectDto } from './dto/offer-decision.dto';
import { OfferQueryDto } from './dto/offer-query.dto';
import { OfferPageResponseDto, OfferResponseDto } from './dto/offer-response.dto';
import { OffersService } from './offers.service';

@ApiTags('offers')
@ApiBearerAuth()
@Controller('offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  @Roles('mediator', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Work orders offered to mediation in your jurisdiction' })
  list(@CurrentUser() user: AuthUser, @Query() query: OfferQueryDto): Promise<OfferPageResponseDto> {
    return this.offers.list(user, query);
  }

  @Get(':id')
  @Roles('mediator', 'supervisor', 'admin')
  @ApiOperation({ summary: 'One offer' })
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<OfferResponseDto> {
    return this.offers.get(params.id, user);
  }

  @Post(':id/accept')
  @Roles('mediator', 'supervisor')
  @ApiOperation({ summary: 'Accept an open offer: opens the case, assigns committee and mediator, starts the 30-day term (409 if withdrawn or expired)' })
  accept(@CurrentUser() user: AuthUser, @Param() params: IdParamDto, @Body() dto: OfferAcceptDto): Promise<CaseResponseDto> {
    return this.offers.accept(params.id, user, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('mediator', 'supervisor')
  @ApiOperation({ summary: 'Reject an open offer with a coded reason (409 if withdrawn or expired)' })
  reject(@CurrentUser() user: AuthUser, @Param() params: IdParamDto, @Body() dto: OfferRejectDto): Promise<OfferResponseDto> {
    return this.offers.reject(params.id, user, dto);
  }
}
