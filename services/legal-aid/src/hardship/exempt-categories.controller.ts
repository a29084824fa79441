import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { ExemptCategoryCodeParamDto } from './dto/exempt-category-code-param.dto';
import { ExemptCategoryResponseDto } from './dto/exempt-category-response.dto';
import { ExemptCategoryUpsertDto } from './dto/exempt-category-upsert.dto';
import { ExemptCategoriesService } from './exempt-categories.service';

@ApiTags('admin: exempt categories')
@Controller()
export class ExemptCategoriesController {
  constructor(private readonly categories: ExemptCategoriesService) {}

  @Get('exempt-categories')
  @Roles('legal-aid-officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Categories exempt from the economic-hardship check (法律援助法 第32条, 第42条, 通知辩护)' })
  @ApiResponse({ status: 200, type: [ExemptCategoryResponseDto] })
  async list(): Promise<ExemptCategoryResponseDto[]> {
    return (await this.categories.list()).map((c) => ExemptCategoryResponseDto.of(c));
  }

  @Put('admin/exempt-categories/:code')
  @Roles('admin')
  @ApiOperation({
    summary: 'Create or change an exempt category (deactivate with active=false; categories are never deleted)',
  })
  @ApiResponse({ status: 200, type: ExemptCategoryResponseDto })
  async upsert(
    @Param() params: ExemptCategoryCodeParamDto,
    @Body() body: ExemptCategoryUpsertDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ExemptCategoryResponseDto> {
    return ExemptCategoryResponseDto.of(await this.categories.upsert(params.code, body, user.subject));
  }
}
