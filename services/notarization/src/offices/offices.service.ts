import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@legal/http';
import { DataSource, EntityManager, In } from 'typeorm';
import { Application, OPEN_APPLICATION_STATUSES } from '../applications/entities/application.entity';
import { defaultCertificatePrefix } from '../certificates/certificate-number';
import { NotarizationEnv } from '../config/notarization.env';
import { OfficeUpsertDto } from './dto/office-upsert.dto';
import { OfficeListResponseDto, OfficeResponseDto } from './dto/office-response.dto';
import { NotaryOffice } from './entities/notary-office.entity';

/** Notary offices: first recorded from the offers made to them, then kept by admins. */
@Injectable()
export class OfficesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: NotarizationEnv,
  ) {}

  /** Records an office the first time an offer names it (prefix from its city, capacity from the environment). */
  async ensure(manager: EntityManager, organisationId: string, name: string, regionCode: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(NotaryOffice)
      .values({
        organisationId,
        name,
        regionCode,
        certificatePrefix: defaultCertificatePrefix(regionCode),
        maxOpenApplications: this.env.DEFAULT_OFFICE_CAPACITY,
      })
      .orIgnore()
      .execute();
  }

  /**
   * Locks the office row (so concurrent acceptances count one after the other) and tells whether it
   * is below its capacity of open applications.
   */
  async lockAndCheckCapacity(
    manager: EntityManager,
    organisationId: string,
  ): Promise<{ hasCapacity: boolean; open: number; max: number }> {
    const office = await manager
      .createQueryBuilder(NotaryOffice, 'o')
      .setLock('pessimistic_write')
      .where('o.organisationId = :organisationId', { organisationId })
      .getOne();
    if (!office) throw new NotFoundError('Notary office', organisationId);
    const open = await manager.count(Application, {
      where: { organisationId, status: In([...OPEN_APPLICATION_STATUSES]) },
    });
    return { hasCapacity: open < office.maxOpenApplications, open, max: office.maxOpenApplications };
  }

  async get(manager: EntityManager, organisationId: string): Promise<NotaryOffice> {
    const office = await manager.findOneBy(NotaryOffice, { organisationId });
    if (!office) throw new NotFoundError('Notary office', organisationId);
    return office;
  }

  async list(): Promise<OfficeListResponseDto> {
    const offices = await this.dataSource.getRepository(NotaryOffice).find({ order: { organisationId: 'ASC' } });
    const counts = await this.openCounts(offices.map((o) => o.organisationId));
    return { items: offices.map((o) => toResponse(o, counts.get(o.organisationId) ?? 0)), total: offices.length };
  }

  async upsert(organisationId: string, dto: OfficeUpsertDto): Promise<OfficeResponseDto> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(NotaryOffice)
      .values({ organisationId, ...dto })
      .orUpdate(
        ['name', 'region_code', 'certificate_prefix', 'max_open_applications', 'updated_at'],
        ['organisation_id'],
      )
      .execute();
    const office = await this.dataSource.getRepository(NotaryOffice).findOneByOrFail({ organisationId });
    const counts = await this.openCounts([organisationId]);
    return toResponse(office, counts.get(organisationId) ?? 0);
  }

  private async openCounts(organisationIds: string[]): Promise<Map<string, number>> {
    if (organisationIds.length === 0) return new Map();
    const rows: { organisation_id: string; open: string }[] = await this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .select('a.organisation_id', 'organisation_id')
      .addSelect('count(*)', 'open')
      .where({ organisationId: In(organisationIds), status: In([...OPEN_APPLICATION_STATUSES]) })
      .groupBy('a.organisation_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.organisation_id, Number(r.open)]));
  }
}

function toResponse(o: NotaryOffice, openApplications: number): OfficeResponseDto {
  return {
    organisationId: o.organisationId,
    name: o.name,
    regionCode: o.regionCode,
    certificatePrefix: o.certificatePrefix,
    maxOpenApplications: o.maxOpenApplications,
    openApplications,
  };
}
