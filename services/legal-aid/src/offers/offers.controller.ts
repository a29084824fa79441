import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { NotFoundError } from '@legal/http';
import { DataSource } from 'typeorm';
import { ApplicationPresenter } from '../applications/application.presenter';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { IdParamDto } from '../http-params/id-param.dto';
import { assertInJurisdiction, jurisdictionPrefix } from '../jurisdiction/jurisdiction';
import { Page } from '../pagination/page-query.dto';
import { OfferListQueryDto } from './dto/offer-list-query.dto';
import { OfferPageDto } from './dto/offer-page.dto';
import { OfferRejectDto } from './dto/offer-reject.dto';
import { OfferResponseDto } from './dto/offer-response.dto';
import { Offer } from './entities/offer.entity';
import { OfferPresenter } from './offer.presenter';
import { OffersService } from './offers.service';

@ApiTags('offers')
@Controller('offers')
export class OffersController {
  constructor(
    private readonly offers: OffersService,
    private readonly presenter: OfferPresenter,
    private readonly applications: ApplicationPresenter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles('legal-aid-officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Offers to the organisations in your jurisdiction, newest first' })
  async list(@Query() query: OfferListQueryDto, @CurrentUser() user: AuthUser): Promise<OfferPageDto> {
    const qb = this.dataSource.getRepository(Offer).createQueryBuilder('o').orderBy('o.offered_at', 'DESC').addOrderBy('o.id', 'ASC');
    const prefix = jurisdictionPrefix(user);
    if (prefix !== undefined) qb.andWhere('o.organisation_region_code LIKE :prefix', { prefix: `${prefix}%` });
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    const [rows, total] = await qb.skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
    const page: Page<OfferResponseDto> = { items: rows.map((o) => this.presenter.toResponse(o)), total, page: query.page, pageSize: query.pageSize };
    return page;
  }

  @Get(':id')
  @Roles('legal-aid-officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'One offer' })
  async get(@Param() { id }: IdParamDto, @CurrentUser() user: AuthUser): Promise<OfferResponseDto> {
    const offer = await this.dataSource.getRepository(Offer).findOne({ where: { id } });
    if (!offer) throw new NotFoundError('Offer', id);
    assertInJurisdiction(user, offer.organisationRegionCode);
    return this.presenter.toResponse(offer);
  }

  @Post(':id/accept')
  @Roles('legal-aid-officer')
  @ApiOperation({ summary: 'Accept an open offer: opens the legal-aid application and starts the 7-day decision clock (409 when withdrawn, expired or decided)' })
  async accept(@Param() { id }: IdParamDto, @CurrentUser() user: AuthUser): Promise<ApplicationResponseDto> {
    const application = await this.offers.accept(id, user);
    return this.applications.summary(application, user);
  }

  @Post(':id/reject')
  @Roles('legal-aid-officer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject an open offer with a coded reason; the router moves on' })
  async reject(@Param() { id }: IdParamDto, @Body() body: OfferRejectDto, @CurrentUser() user: AuthUser): Promise<OfferResponseDto> {
    return this.presenter.toResponse(await this.offers.reject(id, user, body.reasonCode, body.reason));
  }
}
