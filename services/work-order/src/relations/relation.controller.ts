import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { CaseCodePipe } from '../common/case-code.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { READ_ROLES } from '../work-orders/staff-roles';
import { RelationDecisionDto, RelationDto, RelationListDto } from './dto/relation.dto';
import { RelationService } from './relation.service';

@ApiTags('relations')
@Controller()
export class RelationController {
  constructor(private readonly relations: RelationService) {}

  @Get('work-orders/:code/relations')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Work orders possibly related to this one (same phone, other type; similar name, same county)' })
  @ApiOkResponse({ type: RelationListDto })
  async list(@CurrentUser() user: AuthUser, @Param('code', CaseCodePipe) code: string): Promise<RelationListDto> {
    const items = await this.relations.list(user, code);
    return { items, total: items.length };
  }

  @Post('relations/:id/confirm')
  @HttpCode(200)
  @Roles('hotline-agent', 'centre-clerk', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Confirm that two work orders are related (recorded on both timelines)' })
  @ApiOkResponse({ type: RelationDto })
  confirm(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: RelationDecisionDto): Promise<RelationDto> {
    return this.relations.decide(user, id, 'confirmed', dto.note);
  }

  @Post('relations/:id/dismiss')
  @HttpCode(200)
  @Roles('hotline-agent', 'centre-clerk', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Dismiss a possible relation' })
  @ApiOkResponse({ type: RelationDto })
  dismiss(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() dto: RelationDecisionDto): Promise<RelationDto> {
    return this.relations.decide(user, id, 'dismissed', dto.note);
  }
}
