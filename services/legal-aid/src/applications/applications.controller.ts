import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { NotFoundError } from '@legal/http';
import { DataSource } from 'typeorm';
import { IdParamDto } from '../http-params/id-param.dto';
import { assertInJurisdiction, jurisdictionPrefix } from '../jurisdiction/jurisdiction';
import { ApplicationPresenter } from './application.presenter';
import { ApplicationDetailDto } from './dto/application-detail.dto';
import { ApplicationListQueryDto } from './dto/application-list-query.dto';
import { ApplicationPageDto } from './dto/application-page.dto';
import { Application } from './entities/application.entity';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly presenter: ApplicationPresenter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles('legal-aid-officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Legal-aid applications in your jurisdiction, newest first, with their statutory clocks' })
  @ApiResponse({ status: 200, type: ApplicationPageDto })
  async list(@Query() query: ApplicationListQueryDto, @CurrentUser() user: AuthUser): Promise<ApplicationPageDto> {
    const qb = this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .orderBy('a.received_at', 'DESC')
      .addOrderBy('a.id', 'ASC');
    const prefix = jurisdictionPrefix(user);
    if (prefix !== undefined) qb.andWhere('a.region_code LIKE :prefix', { prefix: `${prefix}%` });
    if (query.state) qb.andWhere('a.state = :state', { state: query.state });
    if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.presenter.summaries(rows, user), total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @Roles('legal-aid-officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'One application: clocks, hardship review with every input, appointment and why, timeline' })
  @ApiResponse({ status: 200, type: ApplicationDetailDto })
  async get(@Param() params: IdParamDto, @CurrentUser() user: AuthUser): Promise<ApplicationDetailDto> {
    const application = await this.dataSource.getRepository(Application).findOne({ where: { id: params.id } });
    if (!application) throw new NotFoundError('Application', params.id);
    assertInJurisdiction(user, application.regionCode);
    return this.presenter.detail(application, user);
  }
}
