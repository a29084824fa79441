import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { PhoneEvaluationCreateDto } from './dto/phone-evaluation-create.dto';
import { PhoneEvaluationResponseDto } from './dto/phone-evaluation-response.dto';
import { PhoneEvaluationsService } from './phone-evaluations.service';

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('evaluations')
export class PhoneEvaluationsController {
  constructor(private readonly evaluations: PhoneEvaluationsService) {}

  @Post()
  @Idempotent()
  @Roles('hotline-agent')
  @ApiOperation({
    summary:
      'Record the satisfaction evaluation a citizen gave on the phone (publishes EvaluationSubmitted, platform hotline)',
  })
  @ApiResponse({ status: 201, type: PhoneEvaluationResponseDto })
  @ApiResponse({ status: 404, description: 'No work order with this case code' })
  @ApiResponse({ status: 409, description: 'Not resolved, or already evaluated on the hotline' })
  async create(
    @Body() body: PhoneEvaluationCreateDto,
    @CurrentUser() agent: AuthUser,
  ): Promise<PhoneEvaluationResponseDto> {
    return PhoneEvaluationResponseDto.from(await this.evaluations.record(body, agent));
  }
}
