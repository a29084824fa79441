import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@legal/auth';
import { CatalogueService } from './catalogue.service';
import { MatterCreateDto, MatterUpdateDto } from './dto/matter-create.dto';
import { MatterParamDto } from './dto/matter-param.dto';
import { MatterListResponseDto, MatterResponseDto } from './dto/matter-response.dto';

@ApiTags('matter catalogue')
@Controller('matters')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The published catalogue: every matter with its checklist of required materials and fee' })
  @ApiResponse({ status: 200, type: MatterListResponseDto })
  list(): Promise<MatterListResponseDto> {
    return this.catalogue.list();
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One matter with its checklist (证明材料清单) and which items a commitment may replace' })
  @ApiResponse({ status: 200, type: MatterResponseDto })
  get(@Param() params: MatterParamDto): Promise<MatterResponseDto> {
    return this.catalogue.get(params.code);
  }

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a matter to the catalogue' })
  @ApiResponse({ status: 201, type: MatterResponseDto })
  create(@Body() dto: MatterCreateDto): Promise<MatterResponseDto> {
    return this.catalogue.create(dto);
  }

  @Put(':code')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Replace a matter's names, fee and checklist (applications already received keep theirs)" })
  @ApiResponse({ status: 200, type: MatterResponseDto })
  replace(@Param() params: MatterParamDto, @Body() dto: MatterUpdateDto): Promise<MatterResponseDto> {
    return this.catalogue.replace(params.code, dto);
  }
}
