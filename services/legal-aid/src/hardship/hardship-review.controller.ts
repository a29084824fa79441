import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { IdParamDto } from '../http-params/id-param.dto';
import { ExemptionConfirmDto } from './dto/exemption-confirm.dto';
import { HardshipOverrideDto } from './dto/hardship-override.dto';
import { HardshipReviewCreateDto } from './dto/hardship-review-create.dto';
import { HardshipReviewResponseDto } from './dto/hardship-review-response.dto';
import { HardshipReviewService } from './hardship-review.service';

@ApiTags('applications: hardship review')
@Controller('applications/:id/hardship-review')
export class HardshipReviewController {
  constructor(private readonly reviews: HardshipReviewService) {}

  @Post()
  @Roles('legal-aid-officer')
  @ApiOperation({
    summary:
      'Record the economic-hardship review (exempt categories skip the income check; integrity commitment required otherwise); 409 when already reviewed or decided',
  })
  @ApiResponse({ status: 201, type: HardshipReviewResponseDto })
  async review(
    @Param() params: IdParamDto,
    @Body() body: HardshipReviewCreateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<HardshipReviewResponseDto> {
    const { review } = await this.reviews.review(params.id, body, user);
    return HardshipReviewResponseDto.of(review);
  }

  @Post('override')
  @HttpCode(200)
  @Roles('legal-aid-officer', 'supervisor')
  @ApiOperation({ summary: 'Override the review result, only with a reason and only before the decision' })
  @ApiResponse({ status: 200, type: HardshipReviewResponseDto })
  async override(
    @Param() params: IdParamDto,
    @Body() body: HardshipOverrideDto,
    @CurrentUser() user: AuthUser,
  ): Promise<HardshipReviewResponseDto> {
    const { review } = await this.reviews.override(params.id, body, user);
    return HardshipReviewResponseDto.of(review);
  }

  @Post('exemption')
  @HttpCode(200)
  @Roles('legal-aid-officer', 'supervisor')
  @ApiOperation({
    summary:
      'Confirm an exempt category (usually proposedExemptCategory of the review): the result becomes exempt, before the decision only',
  })
  @ApiResponse({ status: 200, type: HardshipReviewResponseDto })
  async confirmExemption(
    @Param() params: IdParamDto,
    @Body() body: ExemptionConfirmDto,
    @CurrentUser() user: AuthUser,
  ): Promise<HardshipReviewResponseDto> {
    const { review } = await this.reviews.confirmExemption(params.id, body, user);
    return HardshipReviewResponseDto.of(review);
  }
}
