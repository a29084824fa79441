import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@legal/auth';
import { OfficeParamDto } from './dto/office-param.dto';
import { OfficeListResponseDto, OfficeResponseDto } from './dto/office-response.dto';
import { OfficeUpsertDto } from './dto/office-upsert.dto';
import { OfficesService } from './offices.service';

@ApiTags('notary offices')
@ApiBearerAuth()
@Controller('offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Notary offices with certificate prefix, capacity and open applications' })
  @ApiResponse({ status: 200, type: OfficeListResponseDto })
  list(): Promise<OfficeListResponseDto> {
    return this.offices.list();
  }

  @Put(':organisationId')
  @Roles('admin')
  @ApiOperation({ summary: "Create or change an office's name, certificate-number prefix and capacity" })
  @ApiResponse({ status: 200, type: OfficeResponseDto })
  upsert(@Param() params: OfficeParamDto, @Body() dto: OfficeUpsertDto): Promise<OfficeResponseDto> {
    return this.offices.upsert(params.organisationId, dto);
  }
}
