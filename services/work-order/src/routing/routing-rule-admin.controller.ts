import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { InvalidInputError } from '@legal/http';
import { page } from '../common/page.dto';
import {
  RoutingRuleCreateDto,
  RoutingRuleDto,
  RoutingRulePageDto,
  RoutingRuleQueryDto,
  RoutingRuleUpdateDto,
  toRoutingRuleDto,
} from './dto/routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

@ApiTags('admin')
@Controller('admin/routing-rules')
export class RoutingRuleAdminController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Current routing rules (or every revision with history=true)' })
  @ApiOkResponse({ type: RoutingRulePageDto })
  async list(@Query() query: RoutingRuleQueryDto): Promise<RoutingRulePageDto> {
    const { items, total } = await this.rules.list({
      includeHistory: query.history === true,
      limit: query.limit,
      offset: query.offset,
    });
    return page(items.map(toRoutingRuleDto), total, query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a routing rule (revision 1); it applies to decisions taken from now on' })
  @ApiCreatedResponse({ type: RoutingRuleDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: RoutingRuleCreateDto): Promise<RoutingRuleDto> {
    return toRoutingRuleDto(await this.rules.create(dto, { role: 'admin', id: user.subject }));
  }

  @Put(':ruleKey')
  @Roles('admin')
  @ApiOperation({ summary: 'Write the next revision of a rule; earlier decisions keep the revision they used' })
  @ApiOkResponse({ type: RoutingRuleDto })
  async revise(
    @CurrentUser() user: AuthUser,
    @Param('ruleKey') ruleKey: string,
    @Body() dto: RoutingRuleUpdateDto,
  ): Promise<RoutingRuleDto> {
    if (!/^[a-z0-9][a-z0-9.-]{1,63}$/.test(ruleKey))
      throw new InvalidInputError([
        { field: 'ruleKey', messages: ['ruleKey must be a rule key like jurisdiction'], codes: ['matches'] },
      ]);
    if (dto.name === undefined && dto.params === undefined && dto.enabled === undefined) {
      throw new InvalidInputError([
        { field: 'params', messages: ['give at least one of name, params, enabled'], codes: ['required'] },
      ]);
    }
    return toRoutingRuleDto(await this.rules.revise(ruleKey, dto, { role: 'admin', id: user.subject }));
  }
}
