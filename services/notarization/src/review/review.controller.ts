import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { IdParamDto } from '@legal/handler-kit';
import { RefusalDto } from './dto/refusal.dto';
import { ReviewService } from './review.service';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications/:id')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Post('review')
  @HttpCode(200)
  @Roles('notary')
  @ApiOperation({
    summary: 'Take up a complete, accepted application for review; reports Progressed(under-review) (409 otherwise)',
  })
  @ApiResponse({ status: 200, type: ApplicationResponseDto })
  start(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<ApplicationResponseDto> {
    return this.review.start(params.id, user);
  }

  @Post('refusal')
  @HttpCode(200)
  @Roles('notary')
  @ApiOperation({ summary: 'Refuse the notarization with a reason; reports Resolved(refused)' })
  @ApiResponse({ status: 200, type: ApplicationResponseDto })
  refuse(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: RefusalDto,
  ): Promise<ApplicationResponseDto> {
    return this.review.refuse(params.id, user, dto);
  }
}
