import { Body, Controller, Get, HttpCode, Param, Post, Query, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import type { HandlerApi } from '../handler-kit.options';
import { IdParamDto } from './dto/id-param.dto';
import { OfferPageResponseDto, OfferQueryDto, OfferRejectDto, OfferResponseDto } from './dto/offer.dto';
import { OfferInbox } from './offer-inbox.service';

/**
 * The offers routes of a handler service (`/offers`, `/offers/:id`, `/offers/:id/accept`,
 * `/offers/:id/reject`), with the roles and accept body of `api`. Built per service because
 * decorators take the roles; the routes are the same everywhere.
 */
export function offersControllerFor(api: HandlerApi): Type<unknown> {
  @ApiTags('offers')
  @ApiBearerAuth()
  @Controller('offers')
  class OffersController {
    constructor(private readonly inbox: OfferInbox) {}

    @Get()
    @Roles(...api.roles.read)
    @ApiOperation({ summary: api.summaries.list })
    list(@CurrentUser() user: AuthUser, @Query() query: OfferQueryDto): Promise<OfferPageResponseDto | object> {
      return this.inbox.list(user, query);
    }

    @Get(':id')
    @Roles(...api.roles.read)
    @ApiOperation({ summary: 'One offer' })
    get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<OfferResponseDto | object> {
      return this.inbox.get(params.id, user);
    }

    @Post(':id/accept')
    @Roles(...api.roles.decide)
    @ApiOperation({ summary: api.summaries.accept })
    accept(@CurrentUser() user: AuthUser, @Param() params: IdParamDto, body?: object): Promise<object> {
      return this.inbox.accept(params.id, user, body);
    }

    @Post(':id/reject')
    @HttpCode(200)
    @Roles(...api.roles.decide)
    @ApiOperation({ summary: 'Reject an open offer with a coded reason (409 if withdrawn, expired or decided)' })
    reject(
      @CurrentUser() user: AuthUser,
      @Param() params: IdParamDto,
      @Body() dto: OfferRejectDto,
    ): Promise<OfferResponseDto | object> {
      return this.inbox.reject(params.id, user, dto);
    }
  }

  if (api.offerView) {
    // The service's own list query (e.g. page/pageSize) instead of the kit's limit/offset.
    Reflect.defineMetadata('design:paramtypes', [Object, api.offerView.listQuery], OffersController.prototype, 'list');
  } else {
    // The kit's own shapes: document them (a service with its own view documents nothing here).
    const documented: [method: 'list' | 'get' | 'reject', type: Type<unknown>][] = [
      ['list', OfferPageResponseDto],
      ['get', OfferResponseDto],
      ['reject', OfferResponseDto],
    ];
    for (const [method, type] of documented) {
      const descriptor = Object.getOwnPropertyDescriptor(OffersController.prototype, method);
      if (descriptor) ApiResponse({ status: 200, type })(OffersController.prototype, method, descriptor);
    }
  }
  if (api.acceptBody) {
    // The body's class is the service's: give the validation pipe and Swagger its type, then bind it.
    const proto = OffersController.prototype;
    Reflect.defineMetadata('design:paramtypes', [Object, IdParamDto, api.acceptBody], proto, 'accept');
    Body()(proto, 'accept', 2);
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'accept');
    if (descriptor) ApiBody({ type: api.acceptBody })(proto, 'accept', descriptor);
  }
  return OffersController;
}
