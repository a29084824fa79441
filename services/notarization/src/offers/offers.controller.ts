import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { IdParamDto } from '../common/dto/id-param.dto';
import { OfferQueryDto } from './dto/offer-query.dto';
import { OfferRejectDto } from './dto/offer-reject.dto';
import { OfferPageResponseDto, OfferResponseDto } from './dto/offer-response.dto';
import { OffersService } from './offers.service';

@ApiTags('offers')
@ApiBearerAuth()
@Controller('offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  @Roles('notary', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Work orders offered to notarization in your jurisdiction' })
  list(@CurrentUser() user: AuthUser, @Query() query: OfferQueryDto): Promise<OfferPageResponseDto> {
    return this.offers.list(user, query);
  }

  @Get(':id')
  @Roles('notary', 'supervisor', 'admin')
  @ApiOperation({ summary: 'One offer' })
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<OfferResponseDto> {
    return this.offers.get(params.id, user);
  }

  @Post(':id/accept')
  @Roles('notary', 'supervisor')
  @ApiOperation({ summary: "Accept an open offer: opens the application, awaiting the applicant's matter and materials (409 if withdrawn or expired)" })
  accept(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<ApplicationResponseDto> {
    return this.offers.accept(params.id, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('notary', 'supervisor')
  @ApiOperation({ summary: 'Reject an open offer with a coded reason (409 if withdrawn or expired)' })
  reject(@CurrentUser() user: AuthUser, @Param() params: IdParamDto, @Body() dto: OfferRejectDto): Promise<OfferResponseDto> {
    return this.offers.reject(params.id, user, dto);
  }
}
