import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@legal/auth';
import { IdParamDto } from '@legal/handler-kit';
import { ClassificationService } from './classification.service';
import { DisputeKeywordCreateDto } from './dto/dispute-keyword-create.dto';
import { DisputeKeywordListResponseDto, DisputeKeywordResponseDto } from './dto/dispute-keyword-response.dto';

@ApiTags('dispute keywords')
@ApiBearerAuth()
@Controller('dispute-keywords')
export class ClassificationController {
  constructor(private readonly classification: ClassificationService) {}

  @Get()
  @Roles('admin', 'supervisor', 'mediator')
  @ApiOperation({
    summary: 'The keyword table that classifies disputes (family, neighbour, labour, property, consumer)',
  })
  @ApiResponse({ status: 200, type: DisputeKeywordListResponseDto })
  list(): Promise<DisputeKeywordListResponseDto> {
    return this.classification.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a keyword to the table' })
  @ApiResponse({ status: 201, type: DisputeKeywordResponseDto })
  add(@Body() dto: DisputeKeywordCreateDto): Promise<DisputeKeywordResponseDto> {
    return this.classification.add(dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a keyword from the table' })
  remove(@Param() params: IdParamDto): Promise<void> {
    return this.classification.remove(params.id);
  }
}
