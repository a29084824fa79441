import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { InvalidInputError } from '@legal/http';
import type { FieldError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { assertInJurisdiction, jurisdictionPrefix } from '../jurisdiction/jurisdiction';
import { Lawyer } from '../lawyers/entities/lawyer.entity';
import type { Page } from '../pagination/page-query.dto';
import { PersonalDataService } from '../personal-data/personal-data.service';
import type { DutyLawyerServiceCreateDto } from './dto/duty-lawyer-service-create.dto';
import type { DutyLawyerServiceListQueryDto } from './dto/duty-lawyer-service-list-query.dto';
import type { DutyLawyerServiceResponseDto } from './dto/duty-lawyer-service-response.dto';
import { DutyLawyerService } from './entities/duty-lawyer-service.entity';

const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Duty-lawyer help (值班律师) is its own service: recorded per sitting, counted in statistics. */
@Injectable()
export class DutyLawyerRecordsService {
  constructor(
    private readonly personal: PersonalDataService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async record(dto: DutyLawyerServiceCreateDto, user: AuthUser): Promise<DutyLawyerServiceResponseDto> {
    assertInJurisdiction(user, dto.regionCode);
    const problems: FieldError[] = [];
    const servedAt = new Date(dto.servedAt);
    if (servedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS)
      problems.push({ field: 'servedAt', messages: ['servedAt must not be in the future'], codes: ['notInFuture'] });
    const lawyer = dto.lawyerId
      ? await this.dataSource.getRepository(Lawyer).findOne({ where: { id: dto.lawyerId } })
      : null;
    if (dto.lawyerId && !lawyer)
      problems.push({
        field: 'lawyerId',
        messages: [`lawyer ${dto.lawyerId} is not on the roster`],
        codes: ['unknownLawyer'],
      });
    if (!dto.lawyerId && !dto.lawyerName)
      problems.push({
        field: 'lawyerName',
        messages: ['lawyerName is required when lawyerId is not given'],
        codes: ['requiredWithoutLawyerId'],
      });
    if (problems.length > 0) throw new InvalidInputError(problems);
    const repo = this.dataSource.getRepository(DutyLawyerService);
    const row = repo.create({
      id: randomUUID(),
      regionCode: dto.regionCode,
      locationType: dto.locationType,
      locationName: dto.locationName,
      lawyerId: lawyer?.id ?? null,
      lawyerName: lawyer?.name ?? dto.lawyerName ?? '',
      person: this.personal.protect({ name: dto.person.name, idCardNumber: dto.person.idCardNumber }),
      services: [...new Set(dto.services)],
      charge: dto.charge ?? null,
      summary: dto.summary,
      servedAt,
      organisationId: user.organisationId?.slice(0, 64) ?? null,
      recordedBy: user.subject.slice(0, 64),
    });
    await repo.insert(row);
    return this.toResponse(row);
  }

  async list(query: DutyLawyerServiceListQueryDto, user: AuthUser): Promise<Page<DutyLawyerServiceResponseDto>> {
    const qb = this.dataSource
      .getRepository(DutyLawyerService)
      .createQueryBuilder('d')
      .orderBy('d.served_at', 'DESC')
      .addOrderBy('d.id', 'ASC');
    const prefix = jurisdictionPrefix(user);
    if (prefix !== undefined) qb.andWhere('d.region_code LIKE :prefix', { prefix: `${prefix}%` });
    if (query.locationType) qb.andWhere('d.location_type = :type', { type: query.locationType });
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((r) => this.toResponse(r)), total, page: query.page, pageSize: query.pageSize };
  }

  private toResponse(r: DutyLawyerService): DutyLawyerServiceResponseDto {
    return {
      id: r.id,
      regionCode: r.regionCode,
      locationType: r.locationType,
      locationName: r.locationName,
      lawyerId: r.lawyerId,
      lawyerName: r.lawyerName,
      person: this.personal.view(r.person),
      services: r.services,
      charge: r.charge,
      summary: r.summary,
      servedAt: r.servedAt.toISOString(),
      recordedBy: r.recordedBy,
    };
  }
}
